"""Paper output: letters, envelopes and labels as PDF; mailto links and .eml drafts."""
