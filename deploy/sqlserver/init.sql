-- Run by docker-compose's `dbinit` as sa, the only use of sa (issue 16 §1): the database, the schema owner's login
-- (used by `migrate` only) and the application's login, which gets no role here: `migrate` grants it its tables one by
-- one (Training.Web/Infrastructure/Data/SqlServerRights.cs), the audit trail only to add, read and seal.
-- Idempotent: run again, it sets the passwords given and changes nothing else.
-- sqlcmd variables (from the environment): OWNER_PASSWORD, APP_PASSWORD; no ' in them.
IF DB_ID(N'Training') IS NULL CREATE DATABASE [Training];
GO
IF SUSER_ID(N'training_owner') IS NULL
    CREATE LOGIN [training_owner] WITH PASSWORD = N'$(OWNER_PASSWORD)', CHECK_POLICY = ON, DEFAULT_DATABASE = [Training];
ELSE
    ALTER LOGIN [training_owner] WITH PASSWORD = N'$(OWNER_PASSWORD)';
IF SUSER_ID(N'training_app') IS NULL
    CREATE LOGIN [training_app] WITH PASSWORD = N'$(APP_PASSWORD)', CHECK_POLICY = ON, DEFAULT_DATABASE = [Training];
ELSE
    ALTER LOGIN [training_app] WITH PASSWORD = N'$(APP_PASSWORD)';
GO
USE [Training];
GO
IF USER_ID(N'training_owner') IS NULL CREATE USER [training_owner] FOR LOGIN [training_owner];
-- Objects the owner creates in dbo belong to dbo, so dbo.PurgeAudit reaches Audit through the ownership chain.
ALTER ROLE [db_owner] ADD MEMBER [training_owner];
IF USER_ID(N'training_app') IS NULL CREATE USER [training_app] FOR LOGIN [training_app];
GO
