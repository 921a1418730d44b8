package dev.sextant.streams;

import dev.sextant.platform.UserId;

/**
 * Messages for one user, whatever their streams subscribed to: an alert that fired reaches every
 * open stream of its owner. Each goes out as {@code {"type": type, "seq": n, "data": data}},
 * numbered in the stream's sequence (so a {@code resume} replays it) and in order with its updates.
 * A stream whose connection dropped gets it on resume within the resume window; a user with no
 * stream open does not get it (the sender keeps its own history). With Redis, the message is
 * published once and every node delivers it to the user's streams there.
 */
public interface UserStreams {

    /**
     * Queues the message on the user's streams and returns at once, never waiting on a socket.
     *
     * @param type the message's type, a lower-case word the protocol documents (docs/API.md)
     * @param data rendered as JSON
     */
    void send(UserId user, String type, Object data);
}
