using Sitrep.Errors;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Web.Accounts;

namespace Sitrep.Web.Tests.Team;

public sealed class AccountUnitTests
{
    private static SqliteDocumentStore NewStore()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return SqliteDocumentStore.Open(Path.Combine(dir, "s.db"));
    }

    [Theory]
    [InlineData("admin", "analyst", true)]
    [InlineData("admin", "viewer", true)]
    [InlineData("analyst", "viewer", true)]
    [InlineData("analyst", "admin", false)]
    [InlineData("viewer", "analyst", false)]
    [InlineData(null, "viewer", false)]
    [InlineData("boss", "viewer", false)]
    public void ARoleIncludesTheWeakerOnes(string? role, string needed, bool expected) => AccountRoles.Includes(role, needed).ShouldBe(expected);

    [Fact]
    public void AStorysOwnRoleWinsOverTheRoleForEveryStory()
    {
        StoredRole[] roles = [new("a", "*", "admin"), new("a", "wagner", "viewer")];
        AccountRoles.On(roles, "wagner").ShouldBe("viewer");
        AccountRoles.On(roles, "kherson").ShouldBe("admin");
        AccountRoles.On([new StoredRole("a", "kherson", "admin")], "wagner").ShouldBeNull();
    }

    [Theory]
    [InlineData("", "1 to 64")]
    [InlineData("a\u0000b", "control")]
    [InlineData("a\u202Eb", "control or formatting")]
    [InlineData("*", "every story")]
    public void ABadAccountNameIsRefusedSayingWhy(string name, string why)
    {
        var ex = Should.Throw<SitrepException>(() => AccountService.ValidName(name));
        ex.ErrorCode.ShouldBe(SitrepErrors.AccountNameInvalid);
        ex.Message.ShouldContain(why);
    }

    [Fact]
    public void APasswordIsHashedWithASaltAndCheckedWithoutSayingWhichPartWasWrong()
    {
        using var store = NewStore();
        var accounts = new AccountService(store);
        var anna = accounts.Add("anna", "correct horse battery staple", "analyst");
        accounts.Add("bob", "correct horse battery staple", "viewer");

        anna.PasswordHash.ShouldNotContain("horse");
        store.FindAccount("bob")!.PasswordHash.ShouldNotBe(anna.PasswordHash, "each password has its own salt");
        accounts.Verify("Anna", "correct horse battery staple").Check.ShouldBe(PasswordCheck.Right);
        accounts.Verify("anna", "correct horse battery stapler").ShouldBe((PasswordCheck.Wrong, null));
        accounts.Verify("nobody", "correct horse battery staple").ShouldBe((PasswordCheck.Wrong, null));
        Should.Throw<SitrepException>(() => accounts.Add("carol", "carol-is-my-password", "viewer")).Message.ShouldContain("contains the account's name");
    }

    [Fact]
    public void TheLockoutEndsOneDurationAfterTheLastFailureAndASuccessResetsIt()
    {
        using var store = NewStore();
        new AccountService(store).Add("anna", "correct horse battery staple", "analyst");
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var options = new SignInOptions { LockoutFailures = 3, LockoutWindow = TimeSpan.FromMinutes(15), LockoutDuration = TimeSpan.FromMinutes(15) };
        var service = new SignInService(store, options, clock);

        service.SignIn("anna", "wrong one", "10.0.0.1").Succeeded.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMinutes(10));
        service.SignIn("anna", "wrong two", "10.0.0.2").Succeeded.ShouldBeFalse();
        service.SignIn("anna", "correct horse battery staple", "10.0.0.1").Succeeded.ShouldBeTrue();
        service.SignIn("anna", "wrong three", "10.0.0.3").RetryAfter.ShouldBeNull("a success starts the count again");
        service.SignIn("anna", "wrong four", "10.0.0.3");
        service.SignIn("anna", "wrong five", "10.0.0.3");

        clock.Advance(TimeSpan.FromMinutes(14));
        service.SignIn("anna", "correct horse battery staple", "10.0.0.1").RetryAfter.ShouldBe(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        service.SignIn("anna", "correct horse battery staple", "10.0.0.1").Succeeded.ShouldBeTrue();
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
