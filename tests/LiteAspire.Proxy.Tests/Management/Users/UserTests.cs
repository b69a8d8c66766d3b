using System.Net;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Tests.Management.Keys;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Tests.Management.Users;

[Collection(ManagementTests.Name)]
public sealed class UserTests(ManagementFixture fixture)
{
    private readonly ManagementApi _api = new(fixture);

    [Fact]
    public async Task New_CreatesUserAndAWorkingKey_JoinsTeams()
    {
        var (adminOfTeam, _) = await _api.NewUserAsync("internal_user");
        var team = await _api.NewTeamAsync([(adminOfTeam, "admin")]);
        var userId = ManagementFixture.NewId("new");
        var email = userId + "@example.com";

        var answer = await _api.AdminPostAsync("/user/new", new
        {
            user_id = userId,
            user_email = email,
            user_alias = "New User",
            max_budget = 20.0,
            budget_duration = "30d",
            models = new List<string> { "gpt-4o" },
            tpm_limit = 1000,
            metadata = new { dept = "ops" },
            password = "correct horse battery",
            teams = new object[] { new { team_id = team, user_role = "admin", max_budget_in_team = 5.0 } },
            key_alias = userId + "-key",
        });

        answer.AssertStatus(HttpStatusCode.OK);
        var json = answer.Json;
        var key = json["key"]!.GetValue<string>();
        Assert.StartsWith("sk-", key, StringComparison.Ordinal);
        Assert.Equal(userId, json["user_id"]!.GetValue<string>());
        Assert.Equal("internal_user", json["user_role"]!.GetValue<string>());
        Assert.Equal(email, json["user_email"]!.GetValue<string>());
        Assert.Equal(team, json["teams"]![0]!.GetValue<string>());
        Assert.DoesNotContain("password", json.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse", answer.Text, StringComparison.Ordinal);
        (await _api.ChatAsync(key)).AssertStatus(HttpStatusCode.OK);

        var user = await _api.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserId == userId));
        Assert.Equal(20.0, user.MaxBudget);
        Assert.NotNull(user.BudgetResetAt);
        Assert.Equal(new List<string> { "gpt-4o" }, user.Models);
        Assert.Equal(new[] { team }, user.Teams);
        Assert.StartsWith("pbkdf2_sha256$", user.Password, StringComparison.Ordinal);
        Assert.True(PasswordHashVerify("correct horse battery", user.Password));
        var keyRow = await _api.KeyRowAsync(key);
        Assert.Equal(userId, keyRow!.UserId);
        Assert.Equal(userId + "-key", keyRow.KeyAlias);
        Assert.Equal(new List<string> { "gpt-4o" }, keyRow.Models);
        var teamRow = await _api.DbAsync(db => db.Teams.AsNoTracking().SingleAsync(t => t.TeamId == team));
        Assert.Equal("admin", TeamRoles.RoleOf(teamRow, userId));
        var membership = await _api.DbAsync(db => db.TeamMemberships.AsNoTracking().Include(m => m.Budget)
            .SingleAsync(m => m.UserId == userId && m.TeamId == team));
        Assert.Equal(5.0, membership.Budget!.MaxBudget);
    }

    [Fact]
    public async Task New_WithoutAutoCreateKey_MakesNoKey()
    {
        var userId = ManagementFixture.NewId("nokey");
        var before = await _api.CountsAsync();

        var answer = await _api.AdminPostAsync("/user/new", new { user_id = userId, auto_create_key = false, user_role = "internal_user_viewer" });

        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("", answer.Json["key"]!.GetValue<string>());
        var after = await _api.CountsAsync();
        Assert.Equal(before.Keys, after.Keys);
        Assert.Equal(before.Users + 1, after.Users);
    }

    public static TheoryData<string, HttpStatusCode, string> BadNewUsers => new()
    {
        { """{"user_role": "superadmin"}""", HttpStatusCode.BadRequest, "user_role" },
        { """{"password": "short"}""", HttpStatusCode.BadRequest, "password" },
        { """{"max_budget": -5}""", HttpStatusCode.BadRequest, "max_budget" },
        { """{"max_budget": "lots"}""", HttpStatusCode.BadRequest, "max_budget" },
        { """{"budget_duration": "sometimes"}""", HttpStatusCode.BadRequest, "budget_duration" },
        { """{"teams": ["no-such-team"]}""", HttpStatusCode.BadRequest, "team_id" },
        { """{"teams": [{"team_id": "x", "user_role": "owner"}]}""", HttpStatusCode.BadRequest, "user_role" },
        { """{"teams": [42]}""", HttpStatusCode.BadRequest, "teams[0]" },
        { """{"organizations": ["no-such-org"]}""", HttpStatusCode.BadRequest, "organization_id" },
    };

    [Theory]
    [MemberData(nameof(BadNewUsers))]
    public async Task New_BadInput_Refused_NothingWritten(string body, HttpStatusCode status, string field)
    {
        var before = await _api.CountsAsync();

        var answer = await _api.AdminPostAsync("/user/new", body);

        answer.AssertStatus(status);
        Assert.Contains(field, answer.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before, await _api.CountsAsync());
    }

    [Fact]
    public async Task New_DuplicateIdOrEmail_409_NothingWritten()
    {
        var userId = ManagementFixture.NewId("dup");
        var email = userId + "@Example.com";
        (await _api.AdminPostAsync("/user/new", new { user_id = userId, user_email = email })).AssertStatus(HttpStatusCode.OK);
        var before = await _api.CountsAsync();

        var sameId = await _api.AdminPostAsync("/user/new", new { user_id = userId });
        var sameEmail = await _api.AdminPostAsync("/user/new", new { user_email = email.ToUpperInvariant() });

        sameId.AssertStatus(HttpStatusCode.Conflict);
        Assert.Contains(userId, sameId.ErrorMessage, StringComparison.Ordinal);
        sameEmail.AssertStatus(HttpStatusCode.Conflict);
        Assert.Contains("email", sameEmail.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before, await _api.CountsAsync());
    }

    [Fact]
    public async Task New_OnlyProxyAdmins()
    {
        var (_, userKey) = await _api.NewUserAsync("internal_user");
        var (_, viewerKey) = await _api.NewUserAsync("proxy_admin_viewer");
        var before = await _api.CountsAsync();

        (await _api.PostAsAsync(userKey, "/user/new", new { })).AssertStatus(HttpStatusCode.Forbidden);
        (await _api.PostAsAsync(viewerKey, "/user/new", new { })).AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal(before, await _api.CountsAsync());
    }

    [Fact]
    public async Task Info_UserKeysAndTeams_ForAdminViewerSelfAndTeamAdmin()
    {
        var (userId, userKey) = await _api.NewUserAsync("internal_user");
        var (teamAdminId, teamAdminKey) = await _api.NewUserAsync("internal_user");
        var (_, strangerKey) = await _api.NewUserAsync("internal_user");
        var (_, viewerKey) = await _api.NewUserAsync("proxy_admin_viewer");
        var team = await _api.NewTeamAsync([(teamAdminId, "admin"), (userId, "user")]);
        await _api.NewKeyAsync(new { user_id = userId, team_id = team });

        var admin = await _api.AdminGetAsync($"/user/info?user_id={userId}");
        var viewer = await _api.GetAsAsync(viewerKey, $"/user/info?user_id={userId}");
        var self = await _api.GetAsAsync(userKey, "/user/info");
        var teamAdmin = await _api.GetAsAsync(teamAdminKey, $"/user/info?user_id={userId}");
        var stranger = await _api.GetAsAsync(strangerKey, $"/user/info?user_id={userId}");

        admin.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(userId, admin.Json["user_id"]!.GetValue<string>());
        Assert.Equal("internal_user", admin.Json["user_info"]!["user_role"]!.GetValue<string>());
        Assert.False(admin.Json["user_info"]!.AsObject().ContainsKey("password"));
        var keys = admin.Json["keys"]!.AsArray();
        Assert.Equal(2, keys.Count);
        Assert.Contains(keys, k => k!["token"]!.GetValue<string>() == VirtualKeys.Hash(userKey));
        Assert.DoesNotContain(userKey, admin.Text, StringComparison.Ordinal);
        Assert.Contains(keys, k => k!["team_alias"]?.GetValue<string>() == team + "-alias");
        Assert.Equal(team, admin.Json["teams"]![0]!["team_id"]!.GetValue<string>());
        viewer.AssertStatus(HttpStatusCode.OK);
        self.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(userId, self.Json["user_id"]!.GetValue<string>());
        teamAdmin.AssertStatus(HttpStatusCode.OK);
        stranger.AssertStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Info_MissingUser_404()
    {
        var answer = await _api.AdminGetAsync("/user/info?user_id=no-such-user-" + Guid.NewGuid());

        answer.AssertStatus(HttpStatusCode.NotFound);
        Assert.Contains("not found", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_AdminChangesRole_TheUsersKeyFeelsItAtOnce()
    {
        var (userId, userKey) = await _api.NewUserAsync("internal_user");
        (await _api.PostAsAsync(userKey, "/key/generate", new { })).AssertStatus(HttpStatusCode.OK);

        var answer = await _api.AdminPostAsync("/user/update", new { user_id = userId, user_role = "internal_user_viewer", max_budget = 3.0, models = new List<string> { "gpt-4o" } });

        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(userId, answer.Json["user_id"]!.GetValue<string>());
        Assert.Equal("internal_user_viewer", answer.Json["data"]!["user_role"]!.GetValue<string>());
        var user = await _api.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserId == userId));
        Assert.Equal(3.0, user.MaxBudget);
        Assert.Equal(new List<string> { "gpt-4o" }, user.Models);
        // The key's cached identity carried the old role; a viewer may no longer create keys.
        (await _api.PostAsAsync(userKey, "/key/generate", new { })).AssertStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Update_SelfMayChangeAliasButNotBudgetOrRole_OthersNotAtAll()
    {
        var (userId, userKey) = await _api.NewUserAsync("internal_user");
        var (otherId, _) = await _api.NewUserAsync("internal_user");

        var alias = await _api.PostAsAsync(userKey, "/user/update", new { user_id = userId, user_alias = "me" });
        var budget = await _api.PostAsAsync(userKey, "/user/update", new { user_id = userId, max_budget = 1000.0 });
        var role = await _api.PostAsAsync(userKey, "/user/update", new { user_id = userId, user_role = "proxy_admin" });
        var other = await _api.PostAsAsync(userKey, "/user/update", new { user_id = otherId, user_alias = "hijacked" });

        alias.AssertStatus(HttpStatusCode.OK);
        budget.AssertStatus(HttpStatusCode.Forbidden);
        role.AssertStatus(HttpStatusCode.Forbidden);
        other.AssertStatus(HttpStatusCode.Forbidden);
        var rows = await _api.DbAsync(db => db.Users.AsNoTracking().Where(u => u.UserId == userId || u.UserId == otherId).ToListAsync());
        var self = rows.Single(u => u.UserId == userId);
        Assert.Equal("me", self.UserAlias);
        Assert.Null(self.MaxBudget);
        Assert.Equal("internal_user", self.UserRole);
        Assert.Null(rows.Single(u => u.UserId == otherId).UserAlias);
    }

    [Fact]
    public async Task Update_BadInputOrMissingUser_Refused_UserUnchanged()
    {
        var (userId, _) = await _api.NewUserAsync("internal_user");
        var takenEmail = ManagementFixture.NewId("mail") + "@example.com";
        (await _api.AdminPostAsync("/user/update", new { user_id = ManagementFixture.NewId("x"), user_alias = "a" }))
            .AssertStatus(HttpStatusCode.NotFound);
        var (emailOwner, _) = await _api.NewUserAsync("internal_user");
        (await _api.AdminPostAsync("/user/update", new { user_id = emailOwner, user_email = takenEmail })).AssertStatus(HttpStatusCode.OK);

        var negative = await _api.AdminPostAsync("/user/update", new { user_id = userId, max_budget = -1.0, user_alias = "changed" });
        var role = await _api.AdminPostAsync("/user/update", new { user_id = userId, user_role = "root" });
        var email = await _api.AdminPostAsync("/user/update", new { user_id = userId, user_email = takenEmail });
        var nobody = await _api.AdminPostAsync("/user/update", new { user_alias = "x" });

        negative.AssertStatus(HttpStatusCode.BadRequest);
        role.AssertStatus(HttpStatusCode.BadRequest);
        email.AssertStatus(HttpStatusCode.Conflict);
        nobody.AssertStatus(HttpStatusCode.BadRequest);
        var user = await _api.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserId == userId));
        Assert.Null(user.UserAlias);
        Assert.Equal("internal_user", user.UserRole);
        Assert.Null(user.UserEmail);
    }

    [Fact]
    public async Task Delete_RemovesUserKeysAndMemberships_KeysStopWorking()
    {
        var (userId, userKey) = await _api.NewUserAsync("internal_user");
        var (mateId, mateKey) = await _api.NewUserAsync("internal_user");
        var team = await _api.NewTeamAsync([(userId, "admin"), (mateId, "user")]);
        var replica = _api.Replica;
        (await _api.ChatAsync(userKey, proxy: replica)).AssertStatus(HttpStatusCode.OK);

        var answer = await _api.AdminPostAsync("/user/delete", new { user_ids = new[] { userId } });

        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(1, answer.Body!.GetValue<int>());
        Assert.False(await _api.DbAsync(db => db.Users.AnyAsync(u => u.UserId == userId)));
        Assert.Null(await _api.KeyRowAsync(userKey));
        var token = VirtualKeys.Hash(userKey);
        Assert.True(await _api.DbAsync(db => db.DeletedVerificationTokens.AnyAsync(d => d.Token == token)));
        var teamRow = await _api.DbAsync(db => db.Teams.AsNoTracking().SingleAsync(t => t.TeamId == team));
        Assert.Null(TeamRoles.RoleOf(teamRow, userId));
        Assert.Equal("user", TeamRoles.RoleOf(teamRow, mateId));
        (await _api.ChatAsync(userKey)).AssertStatus(HttpStatusCode.Unauthorized);
        (await _api.ChatAsync(userKey, proxy: replica)).AssertStatus(HttpStatusCode.Unauthorized);
        (await _api.ChatAsync(mateKey)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_OneUnknownUser_DeletesNone()
    {
        var (userId, userKey) = await _api.NewUserAsync("internal_user");
        var before = await _api.CountsAsync();

        var answer = await _api.AdminPostAsync("/user/delete", new { user_ids = new[] { userId, "no-such-user-" + Guid.NewGuid() } });
        var empty = await _api.AdminPostAsync("/user/delete", new { user_ids = Array.Empty<string>() });
        var asUser = await _api.PostAsAsync(userKey, "/user/delete", new { user_ids = new[] { userId } });

        answer.AssertStatus(HttpStatusCode.NotFound);
        empty.AssertStatus(HttpStatusCode.BadRequest);
        asUser.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal(before, await _api.CountsAsync());
        (await _api.ChatAsync(userKey)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task List_Paginated_Filtered_WithKeyCounts()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _api.NewUserAsync("internal_user_viewer", "list")).UserId);
        }

        var page = await _api.AdminGetAsync($"/user/list?user_ids={string.Join(',', ids)}&page_size=2&page=2&sort_by=user_id&sort_order=asc");
        var byRole = await _api.AdminGetAsync("/user/list?role=internal_user_viewer&page_size=100");

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(3, page.Json["total"]!.GetValue<int>());
        Assert.Equal(2, page.Json["page"]!.GetValue<int>());
        Assert.Equal(2, page.Json["page_size"]!.GetValue<int>());
        Assert.Equal(2, page.Json["total_pages"]!.GetValue<int>());
        var users = page.Json["users"]!.AsArray();
        Assert.Single(users);
        Assert.Equal(ids.Order(StringComparer.Ordinal).Last(), users[0]!["user_id"]!.GetValue<string>());
        Assert.Equal(1, users[0]!["key_count"]!.GetValue<int>());
        Assert.False(users[0]!.AsObject().ContainsKey("password"));
        Assert.All(byRole.Json["users"]!.AsArray(), u => Assert.Equal("internal_user_viewer", u!["user_role"]!.GetValue<string>()));
    }

    [Fact]
    public async Task List_AdminsAndViewersOnly_BadPaging400()
    {
        var (_, userKey) = await _api.NewUserAsync("internal_user");
        var (_, viewerKey) = await _api.NewUserAsync("proxy_admin_viewer");

        (await _api.GetAsAsync(userKey, "/user/list")).AssertStatus(HttpStatusCode.Forbidden);
        (await _api.GetAsAsync(viewerKey, "/user/list")).AssertStatus(HttpStatusCode.OK);
        var bad = await _api.AdminGetAsync("/user/list?page_size=0");
        bad.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("page_size", bad.ErrorMessage, StringComparison.Ordinal);
    }

    private static bool PasswordHashVerify(string password, string? stored) =>
        LiteAspire.Proxy.Management.Users.PasswordHash.Verify(password, stored);
}
