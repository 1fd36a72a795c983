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
}
