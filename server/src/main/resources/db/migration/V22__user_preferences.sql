-- Each user's own settings, as the web app's account page sets them: the region whose markets
-- and conventions they follow, and their privacy choices. No row means the defaults.
CREATE TABLE user_preference (
    user_id             UUID                     NOT NULL PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    region              VARCHAR(8)               NOT NULL,
    keep_query_history  BOOLEAN                  NOT NULL,
    share_usage_metrics BOOLEAN                  NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT user_preference_region CHECK (region IN ('US', 'EU', 'UK', 'JP', 'CA', 'AU', 'SG', 'CH', 'OTHER'))
);
