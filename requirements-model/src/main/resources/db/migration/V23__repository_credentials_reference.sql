-- A repository registered by URL may name the credentials its clone and fetches use: a reference that each instance
-- resolves from its own settings (fusa.git.credentials.<name>.username / .password), never the secret itself.
alter table source_repository add column credentials_ref varchar(40);
alter table source_repository_aud add column credentials_ref varchar(40);
