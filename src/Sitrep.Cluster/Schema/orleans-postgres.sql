-- Sitrep's PostgreSQL schema for Orleans' ADO.NET clustering and grain persistence (Orleans 10).
-- Written for Sitrep against the providers' contract: the table names, the query keys in OrleansQuery, the parameter
-- names the providers bind and the column names they read. Every statement may run again (the setup step applies it at
-- each silo start, under an advisory lock), so nothing here drops or rewrites data.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

-- Membership: one version row per deployment, bumped by every membership change (optimistic concurrency).
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL PRIMARY KEY,
    Timestamp timestamptz(3) NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Grain state: one row per grain and service, its version the ETag.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash integer NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainTypeHash integer NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId varchar(150) NOT NULL,
    PayloadBinary bytea NULL,
    PayloadXml xml NULL,
    PayloadJson text NULL,
    ModifiedOn timestamp NOT NULL,
    Version integer NULL
);

CREATE INDEX IF NOT EXISTS ix_orleansstorage ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- The queries. Membership writes answer one row with the number of rows changed: 0 tells the provider the version it
-- held is stale (it reads the table again and retries). Each is one statement, so it is one transaction: the version
-- row is bumped only when the member row changes, and the other way round.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpdateIAmAlivetimeKey', '
UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
'),
('InsertMembershipVersionKey', '
WITH added AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1)
SELECT count(*)::integer FROM added;
'),
('InsertMembershipKey', '
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND NOT EXISTS (SELECT 1 FROM OrleansMembershipTable m
                      WHERE m.DeploymentId = @DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation)
    RETURNING DeploymentId),
added AS (
    INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT b.DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM bumped b
    RETURNING 1)
SELECT count(*)::integer FROM added;
'),
('UpdateMembershipKey', '
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND EXISTS (SELECT 1 FROM OrleansMembershipTable m
                  WHERE m.DeploymentId = @DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation)
    RETURNING DeploymentId),
changed AS (
    UPDATE OrleansMembershipTable m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped b
    WHERE m.DeploymentId = b.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1)
SELECT count(*)::integer FROM changed;
'),
('MembershipReadRowKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort, m.SuspectTimes,
       m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
       ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
'),
('MembershipReadAllKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort, m.SuspectTimes,
       m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
'),
('DeleteMembershipTableEntriesKey', '
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
'),
('GatewaysQueryKey', '
SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
'),
('CleanupDefunctSiloEntriesKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;
'),
-- Grain state. Every parameter is cast: a null one (the first write has no version) has no type PostgreSQL can infer.
-- The provider (Orleans 10) binds the payload as PayloadBinary only: a query naming @PayloadJson or @PayloadXml leaves
-- them unbound, PostgreSQL reads them as the prefix operator @ on the column of that name, and every write fails
-- (42883), so the story grain's queue was never persisted. The JSON and XML columns stay for older rows and are nulled.
-- A write with a version updates the row holding that version; one without inserts the first row when
-- there is none. Either way it answers the version now stored, which is the old one when nothing was written (the
-- provider then raises an inconsistent-state error instead of overwriting another activation''s write).
('WriteToStorageKey', '
WITH updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = CAST(@PayloadBinary AS bytea), PayloadJson = NULL, PayloadXml = NULL,
        ModifiedOn = (now() AT TIME ZONE ''utc''), Version = Version + 1
    WHERE CAST(@GrainStateVersion AS integer) IS NOT NULL
      AND GrainIdHash = CAST(@GrainIdHash AS integer) AND GrainTypeHash = CAST(@GrainTypeHash AS integer) AND GrainIdN0 = CAST(@GrainIdN0 AS bigint) AND GrainIdN1 = CAST(@GrainIdN1 AS bigint)
      AND GrainTypeString = CAST(@GrainTypeString AS varchar) AND ServiceId = CAST(@ServiceId AS varchar)
      AND GrainIdExtensionString IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar)
      AND Version = CAST(@GrainStateVersion AS integer)
    RETURNING Version),
inserted AS (
    INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
                                PayloadBinary, PayloadJson, PayloadXml, ModifiedOn, Version)
    SELECT CAST(@GrainIdHash AS integer), CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint), CAST(@GrainTypeHash AS integer), CAST(@GrainTypeString AS varchar), CAST(@GrainIdExtensionString AS varchar), CAST(@ServiceId AS varchar),
           CAST(@PayloadBinary AS bytea), NULL, NULL, (now() AT TIME ZONE ''utc''), 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
      AND NOT EXISTS (SELECT 1 FROM OrleansStorage s
                      WHERE s.GrainIdHash = CAST(@GrainIdHash AS integer) AND s.GrainTypeHash = CAST(@GrainTypeHash AS integer) AND s.GrainIdN0 = CAST(@GrainIdN0 AS bigint)
                        AND s.GrainIdN1 = CAST(@GrainIdN1 AS bigint) AND s.GrainTypeString = CAST(@GrainTypeString AS varchar) AND s.ServiceId = CAST(@ServiceId AS varchar)
                        AND s.GrainIdExtensionString IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar))
    RETURNING Version)
SELECT COALESCE((SELECT Version FROM updated), (SELECT Version FROM inserted), CAST(@GrainStateVersion AS integer)) AS NewGrainStateVersion;
'),
('ReadFromStorageKey', '
SELECT PayloadBinary, PayloadXml, PayloadJson, (now() AT TIME ZONE ''utc''), Version
FROM OrleansStorage
WHERE GrainIdHash = CAST(@GrainIdHash AS integer) AND GrainTypeHash = CAST(@GrainTypeHash AS integer) AND GrainIdN0 = CAST(@GrainIdN0 AS bigint) AND GrainIdN1 = CAST(@GrainIdN1 AS bigint)
  AND GrainTypeString = CAST(@GrainTypeString AS varchar) AND ServiceId = CAST(@ServiceId AS varchar)
  AND GrainIdExtensionString IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar);
'),
('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, PayloadJson = NULL, PayloadXml = NULL, Version = Version + 1
WHERE GrainIdHash = CAST(@GrainIdHash AS integer) AND GrainTypeHash = CAST(@GrainTypeHash AS integer) AND GrainIdN0 = CAST(@GrainIdN0 AS bigint) AND GrainIdN1 = CAST(@GrainIdN1 AS bigint)
  AND GrainTypeString = CAST(@GrainTypeString AS varchar) AND ServiceId = CAST(@ServiceId AS varchar)
  AND GrainIdExtensionString IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar)
  AND Version = CAST(@GrainStateVersion AS integer)
RETURNING Version AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
