using Shouldly;
using Sitrep.Storage;

namespace Sitrep.Tests.Storage;

/// <summary>The accounts part of the store contract (<see cref="IAccountStore"/>), run against every store.</summary>
public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnAccountIsAddedOnceAndFoundByItsNameWithoutCase()
    {
        using var store = Open(out var db);
        store.AddAccount(new StoredAccount("Anna Müller", "hash-1", "stamp-1", Noon)).ShouldBeTrue();
        store.AddAccount(new StoredAccount("ANNA MÜLLER", "hash-2", "stamp-2", Noon)).ShouldBeFalse();

        var found = store.FindAccount("anna müller").ShouldNotBeNull();
        found.ShouldBe(new StoredAccount("Anna Müller", "hash-1", "stamp-1", Noon));
        store.FindAccount("nobody").ShouldBeNull();

        using var again = StoreFactory.Open(db);
        again.Accounts().ShouldHaveSingleItem().Name.ShouldBe("Anna Müller");
    }

    [Fact]
    public void RolesArePerStoryReplacedAndTakenAway()
    {
        using var store = Open(out _);
        store.AddAccount(new StoredAccount("bob", "h", "s", Noon));
        store.AddAccount(new StoredAccount("alice", "h", "s", Noon));
        store.SetRole("bob", "wagner", "viewer").ShouldBeTrue();
        store.SetRole("BOB", "wagner", "analyst").ShouldBeTrue();
        store.SetRole("bob", "*", "viewer").ShouldBeTrue();
        store.SetRole("alice", "kherson", "admin").ShouldBeTrue();
        store.SetRole("carol", "wagner", "viewer").ShouldBeFalse();

        store.Roles("bob").ShouldBe([new StoredRole("bob", "*", "viewer"), new StoredRole("bob", "wagner", "analyst")]);
        store.Roles().Select(r => r.Account).ShouldBe(["alice", "bob", "bob"]);

        store.SetRole("bob", "*", null).ShouldBeTrue();
        store.Roles("bob").ShouldHaveSingleItem().Story.ShouldBe("wagner");
    }

    [Fact]
    public void RemovingAnAccountTakesItsRolesButKeepsItsSignIns()
    {
        using var store = Open(out _);
        store.AddAccount(new StoredAccount("bob", "h", "s", Noon));
        store.SetRole("bob", "wagner", "analyst");
        store.RecordSignIn(new StoredSignIn("bob", "127.0.0.1", Noon, true));

        store.RemoveAccount("Bob").ShouldBeTrue();
        store.RemoveAccount("bob").ShouldBeFalse();

        store.FindAccount("bob").ShouldBeNull();
        store.Roles().ShouldBeEmpty();
        store.SignIns("bob", Noon.AddDays(-1), 10).ShouldHaveSingleItem().Succeeded.ShouldBeTrue();
        store.AddAccount(new StoredAccount("bob", "h2", "s2", Noon)).ShouldBeTrue();
        store.Roles("bob").ShouldBeEmpty("a new account of an old name gets none of its roles");
    }

    [Fact]
    public void ANewPasswordReplacesTheHashAndTheStamp()
    {
        using var store = Open(out _);
        store.AddAccount(new StoredAccount("bob", "old", "s1", Noon));

        store.SetPassword("bob", "new", "s2").ShouldBeTrue();
        store.SetPassword("nobody", "new", "s2").ShouldBeFalse();

        var bob = store.FindAccount("bob").ShouldNotBeNull();
        bob.PasswordHash.ShouldBe("new");
        bob.Stamp.ShouldBe("s2");
    }

    [Fact]
    public void SignInsReadBackNewestFirstSinceATimeAndAreForgottenWhenOld()
    {
        using var store = Open(out _);
        store.RecordSignIn(new StoredSignIn("bob", "10.0.0.1", Noon.AddHours(-2), false));
        store.RecordSignIn(new StoredSignIn("Bob", "10.0.0.1", Noon.AddMinutes(-5), false));
        store.RecordSignIn(new StoredSignIn("bob", "10.0.0.2", Noon.ToOffset(TimeSpan.FromHours(3)), true));
        store.RecordSignIn(new StoredSignIn("<b>eve</b>", "10.0.0.9", Noon, false));

        var bob = store.SignIns("BOB", Noon.AddHours(-1), 10);
        bob.Select(s => s.Succeeded).ShouldBe([true, false]);
        bob[0].At.ShouldBe(Noon);
        bob[0].Address.ShouldBe("10.0.0.2");
        store.SignIns(null, Noon.AddHours(-3), 2).Count.ShouldBe(2);
        store.SignIns(null, Noon.AddHours(-3), 10).Select(s => s.Name).ShouldContain("<b>eve</b>");

        store.ForgetSignIns(Noon.AddHours(-1)).ShouldBe(1);
        store.SignIns(null, DateTimeOffset.MinValue, 10).Count.ShouldBe(3);
    }

    [Fact]
    public void AnAccountRoleOrDecisionChangedThroughAnotherConnectionIsReadAtTheNextAsk()
    {
        using var server = Open(out var db);
        server.AddAccount(new StoredAccount("bob", "h", "s1", Noon));
        server.SetRole("bob", "wagner", "analyst");
        server.FindAccount("bob").ShouldNotBeNull();
        server.Roles("bob").ShouldHaveSingleItem().Role.ShouldBe("analyst");
        var before = server.Stamp();

        // What `sitrep user` and a second server do: their own connection to the same database.
        using (var other = StoreFactory.Open(db))
        {
            other.SetRole("bob", "wagner", "viewer");
            other.AppendDecision(new StoredDecision(0, "rating", "P1|S1", "C", "anna", Noon, null));
        }

        server.Roles("bob").ShouldHaveSingleItem().Role.ShouldBe("viewer");
        server.Stamp().LastDecision.ShouldBeGreaterThan(before.LastDecision);

        using (var other = StoreFactory.Open(db))
        {
            other.SetPassword("bob", "h2", "s2");
        }

        server.FindAccount("bob").ShouldNotBeNull().Stamp.ShouldBe("s2");

        using (var other = StoreFactory.Open(db))
        {
            other.RemoveAccount("bob");
        }

        server.FindAccount("bob").ShouldBeNull();
        server.Roles("bob").ShouldBeEmpty();
    }

    [Fact]
    public void TheStoresOwnWritesAreReadAtTheNextAsk()
    {
        using var store = Open(out _);
        store.FindAccount("bob").ShouldBeNull();
        var empty = store.Stamp();

        store.AddAccount(new StoredAccount("bob", "h", "s1", Noon));
        store.SetRole("bob", "*", "admin");
        store.JournalUpload("abc123", "minsk.txt", "/uploads/abc123", Noon);
        store.AppendDecision(new StoredDecision(0, "rating", "P1|S1", "C", "bob", Noon, null));

        store.FindAccount("bob").ShouldNotBeNull().Stamp.ShouldBe("s1");
        store.Roles("bob").ShouldHaveSingleItem().Role.ShouldBe("admin");
        var stamp = store.Stamp();
        stamp.Uploads.ShouldBe(empty.Uploads + 1);
        stamp.LastDecision.ShouldBeGreaterThan(empty.LastDecision);

        store.MarkUploadAnalysed("abc123", Noon);
        store.Stamp().Analysed.ShouldBe(stamp.Analysed + 1);
        store.SetRole("bob", "*", null);
        store.Roles("bob").ShouldBeEmpty();
    }
}
