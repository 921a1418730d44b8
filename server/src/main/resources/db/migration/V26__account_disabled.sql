-- An administrator can disable an account: it keeps its data but cannot sign in, refresh, or act
-- through an access token, API key, OAuth token or stream until it is enabled again.
ALTER TABLE app_user ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
