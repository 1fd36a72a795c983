using Shouldly;
using Sitrep.Errors;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;

namespace Sitrep.Tests.Storage;

public sealed class StoreFactoryTests
{
    [Theory]
    [InlineData("postgres://sitrep:pw@db.internal:5433/story", true)]
    [InlineData("postgresql://db/story", true)]
    [InlineData("Host=127.0.0.1;Port=5432;Database=story", true)]
    [InlineData("Database=story; host=db", true)]
    [InlineData("Server=db;Database=story", true)]
    [InlineData("sitrep.db", false)]
    [InlineData("stories/postgres.db", false)]
    [InlineData("/data/Host=x.db", false)]
    public void ADbValueIsAServerOnlyWhenItReadsAsAConnectionString(string db, bool server) =>
        StoreFactory.IsPostgres(db).ShouldBe(server);

    [Fact]
    public void APostgresAddressIsReadWithItsPercentEncodedPasswordAndOptions()
    {
        var builder = PostgresConnection.Parse("postgres://ana%40desk:p%3Bw%3D1@db.internal:5433/wagner%202023?sslmode=require&Timeout=5");

        builder.Host.ShouldBe("db.internal");
        builder.Port.ShouldBe(5433);
        builder.Username.ShouldBe("ana@desk");
        builder.Password.ShouldBe("p;w=1");
        builder.Database.ShouldBe("wagner 2023");
        builder.SslMode.ShouldBe(Npgsql.SslMode.Require);
        builder.Timeout.ShouldBe(5);
        StoreFactory.Display("postgres://ana%40desk:p%3Bw%3D1@db.internal:5433/wagner%202023").ShouldBe("postgres://ana@desk@db.internal:5433/wagner 2023");
    }

    [Fact]
    public void AStoreFileIsExcludedFromTheRunWithItsJournalsAndAServerHasNoFiles()
    {
        StoreFactory.Files("s.db", "/work").ShouldBe(["/work/s.db", "/work/s.db-wal", "/work/s.db-shm", "/work/s.db-journal"]);
        StoreFactory.Files("Host=db;Database=story", "/work").ShouldBeEmpty();
    }

    [Fact]
    public void AConnectionStringThatCannotBeReadIsRefusedWithoutShowingItsPassword()
    {
        var ex = Should.Throw<SitrepException>(() => PostgresConnection.Parse("Host=db;Password=s3cret;NoSuchKeyword=1"));

        ex.ErrorCode.ShouldBe(SitrepErrors.StoreUnavailable);
        ex.Message.ShouldNotContain("s3cret");
    }
}
