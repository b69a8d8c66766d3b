using System.Net;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Keys;

namespace LiteAspire.Proxy.Tests.Management.Keys;

/// <summary>
/// LiteLLM's UI session keys (team <c>litellm-dashboard</c>), which the dashboard makes for a single-sign-on user. Each test
/// deletes its session keys: other tests of the shared database compare key counts with key lists, which leave them out.
/// </summary>
[Collection(ManagementTests.Name)]
public sealed class UiSessionKeyTests(ManagementFixture fixture)
{
    private readonly ManagementApi _api = new(fixture);

    [Fact]
    public async Task Generate_AdminOnTheDashboardTeam_NeedsNoTeamRow_ActsAsTheUser_AndStaysOutOfLists()
    {
        var (userId, _) = await _api.NewUserAsync("proxy_admin_viewer", "sso");

        var generate = await _api.AdminPostAsync("/key/generate", new
        {
            user_id = userId,
            team_id = UiSessionKeys.TeamId,
            duration = "8h",
            metadata = new { liteaspire_ui_session = "oidc" },
        });

        generate.AssertStatus(HttpStatusCode.OK);
        var sessionKey = generate.Json["key"]!.GetValue<string>();
        try
        {
            Assert.Equal(UiSessionKeys.TeamId, generate.Json["team_id"]!.GetValue<string>());
            var me = await _api.GetAsAsync(sessionKey, "/auth/me");
            me.AssertStatus(HttpStatusCode.OK);
            Assert.Equal(userId, me.Json["user_id"]!.GetValue<string>());
            Assert.Equal("proxy_admin_viewer", me.Json["user_role"]!.GetValue<string>());
            Assert.Equal(UiSessionKeys.TeamId, me.Json["team_id"]!.GetValue<string>());
            var list = await _api.AdminGetAsync($"/key/list?user_id={userId}");
            Assert.DoesNotContain(list.Json["keys"]!.AsArray(), k => k!.GetValue<string>() == VirtualKeys.Hash(sessionKey));
            var viewerWrite = await _api.PostAsAsync(sessionKey, "/key/generate", new { });
            viewerWrite.AssertStatus(HttpStatusCode.Forbidden);
        }
        finally
        {
            (await _api.AdminPostAsync("/key/delete", new { keys = new[] { VirtualKeys.Hash(sessionKey) } })).AssertStatus(HttpStatusCode.OK);
        }

        (await _api.GetAsAsync(sessionKey, "/auth/me")).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Generate_NonAdminOnTheDashboardTeam_IsRefusedAsAnUnknownTeam()
    {
        var (_, internalKey) = await _api.NewUserAsync("internal_user", "sso");

        var generate = await _api.PostAsAsync(internalKey, "/key/generate", new { team_id = UiSessionKeys.TeamId });

        generate.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("Team not found", generate.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionKey_ManagesTheUsersTeamKeys_AsTheirPersonalKeyWould()
    {
        var (userId, personalKey) = await _api.NewUserAsync("internal_user", "sso");
        var team = await _api.NewTeamAsync([(userId, "admin")]);
        var (sessionKey, _) = await _api.NewKeyAsync(new { user_id = userId, team_id = UiSessionKeys.TeamId, duration = "8h" });
        try
        {
            var bySession = await _api.PostAsAsync(sessionKey, "/key/generate", new { team_id = team });
            var byPersonal = await _api.PostAsAsync(personalKey, "/key/generate", new { team_id = team });
            var teamKeys = await _api.GetAsAsync(sessionKey, $"/key/list?team_id={team}&include_team_keys=true");

            bySession.AssertStatus(HttpStatusCode.OK);
            byPersonal.AssertStatus(HttpStatusCode.OK);
            Assert.Equal(team, bySession.Json["team_id"]!.GetValue<string>());
            teamKeys.AssertStatus(HttpStatusCode.OK);
            Assert.Equal(2, teamKeys.Json["total_count"]!.GetValue<int>());
        }
        finally
        {
            (await _api.AdminPostAsync("/key/delete", new { keys = new[] { sessionKey } })).AssertStatus(HttpStatusCode.OK);
        }
    }
}
