using System.Net;

using LiteAspire.Proxy.Auth.Jwt;
using LiteAspire.Proxy.Tests.Endpoints;
using LiteAspire.Proxy.Tests.Enforcement;
using LiteAspire.Proxy.Tests.Management;

namespace LiteAspire.Proxy.Tests.Auth.Jwt;

/// <summary>
/// JWT auth end to end: tokens signed in the test, keys served by a local JWKS endpoint, teams in real PostgreSQL, limits
/// in real Redis, a fake OpenAI upstream.
/// </summary>
[Collection(ManagementTests.Name)]
public sealed class JwtAuthTests(ManagementFixture management, JwtAuthTestFixture jwt) : IClassFixture<JwtAuthTestFixture>
{
    private ProxyFactory Proxy => jwt.Proxy(management);

    private async Task<HttpResponseMessage> ChatAsync(string bearer, string model = "gpt-4o", ProxyFactory? proxy = null)
    {
        using var client = JwtAuthTestFixture.Client(proxy ?? Proxy, bearer);
        return await client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat(model));
    }

    private static Dictionary<string, object> Team(string teamId) => new() { ["team"] = teamId };

    private static async Task<string> MessageOf(HttpResponseMessage response, int status = 401)
    {
        var error = await response.AssertOpenAIErrorAsync(status);
        if (status == 401)
        {
            Assert.Equal("auth_error", error["type"]!.GetValue<string>());
        }

        return error["message"]!.GetValue<string>();
    }

    [Fact]
    public async Task AdminScopeToken_CallsKeyGenerate_GetsAKey()
    {
        var token = jwt.RsaKey.Sign(new Dictionary<string, object> { ["scope"] = "openid litellm_proxy_admin" });
        using var client = JwtAuthTestFixture.Client(Proxy, token);

        using var response = await client.PostJsonAsync("/key/generate", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("sk-", (await response.ReadObjectAsync())["key"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamToken_CallsKeyGenerate_403NotAnAdmin()
    {
        var team = await KeyRows.AddTeamAsync(Proxy);
        using var client = JwtAuthTestFixture.Client(Proxy, jwt.RsaKey.Sign(Team(team)));

        using var response = await client.PostJsonAsync("/key/generate", "{}");

        await response.AssertOpenAIErrorAsync(403);
    }

    [Fact]
    public async Task TeamToken_ModelInTeamsList_200_ModelOutside_401TeamModelAccessDenied()
    {
        var team = await KeyRows.AddTeamAsync(Proxy, t => t.Models = ["gpt-4o"]);
        var token = jwt.RsaKey.Sign(Team(team));

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(token)).StatusCode);
        var error = await (await ChatAsync(token, "claude-3-5-sonnet")).AssertOpenAIErrorAsync(401);

        Assert.Equal("team_model_access_denied", error["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task TeamToken_TeamRpmLimit_ThirdRequest429ForTheTeam()
    {
        var team = await KeyRows.AddTeamAsync(Proxy, t => t.RpmLimit = 2);
        // Two tokens of the same team (as after a refresh) share the team's window.
        var first = jwt.RsaKey.Sign(Team(team));
        var second = jwt.EcKey.Sign(Team(team));

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(second)).StatusCode);
        var message = await MessageOf(await ChatAsync(first), 429);

        Assert.StartsWith($"Rate limit exceeded for team: {team}.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamToken_TeamOverBudget_400BudgetExceeded()
    {
        var team = await KeyRows.AddTeamAsync(Proxy, t => { t.MaxBudget = 1; t.Spend = 1.5; });

        var message = await MessageOf(await ChatAsync(jwt.RsaKey.Sign(Team(team))), 400);

        Assert.Equal($"Budget has been exceeded! Team={team} Current cost: 1.5, Max budget: 1", message);
    }

    [Fact]
    public async Task Es256Token_ValidatedWithTheEcKey_200()
    {
        var team = await KeyRows.AddTeamAsync(Proxy);

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(jwt.EcKey.Sign(Team(team)))).StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_401TokenExpired()
    {
        var team = await KeyRows.AddTeamAsync(Proxy);
        var token = jwt.RsaKey.Sign(Team(team), expires: DateTime.UtcNow.AddMinutes(-5));

        Assert.Equal("Authentication Error, Token Expired", await MessageOf(await ChatAsync(token)));
    }

    [Fact]
    public async Task TokenSignedByAnotherKeyWithTheSameKid_401SignatureFails()
    {
        var team = await KeyRows.AddTeamAsync(Proxy);
        using var impostor = TestSigningKey.Rsa("rsa-1");

        var message = await MessageOf(await ChatAsync(impostor.Sign(Team(team))));

        Assert.Equal("Authentication Error, Validation fails: signature verification failed", message);
    }

    [Fact]
    public async Task WrongAudience_401InvalidAudience()
    {
        var team = await KeyRows.AddTeamAsync(Proxy);

        var message = await MessageOf(await ChatAsync(jwt.RsaKey.Sign(Team(team), audience: "another-api")));

        Assert.Equal("Authentication Error, Validation fails: invalid audience", message);
    }

    [Fact]
    public async Task UnknownTeam_401TeamDoesNotExist()
    {
        var message = await MessageOf(await ChatAsync(jwt.RsaKey.Sign(Team("team-nobody-made"))));

        Assert.StartsWith("Authentication Error, Team doesn't exist in db. Team=team-nobody-made.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUser_WithoutUpsert_401()
    {
        var message = await MessageOf(await ChatAsync(jwt.RsaKey.Sign(new Dictionary<string, object> { ["sub"] = "user-nobody-made" })));

        Assert.StartsWith("Authentication Error, User doesn't exist in db. 'user_id'=user-nobody-made.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockedTeam_RefusedLikeItsKeys()
    {
        var team = await KeyRows.AddTeamAsync(Proxy, t => t.Blocked = true);

        var message = await MessageOf(await ChatAsync(jwt.RsaKey.Sign(Team(team))));

        Assert.Equal($"Authentication Error, Team={team} is blocked. Update via `/team/unblock` if you're admin.", message);
    }

    [Fact]
    public async Task TeamBlockedThroughTheApi_AfterItsTokenWasCached_RefusedAtOnce()
    {
        var team = await KeyRows.AddTeamAsync(Proxy);
        var teamToken = jwt.RsaKey.Sign(Team(team));
        using var admin = JwtAuthTestFixture.Client(Proxy, jwt.RsaKey.Sign(new Dictionary<string, object> { ["scope"] = "litellm_proxy_admin" }));
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(teamToken)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/team/block", $$"""{"team_id": "{{team}}"}""")).StatusCode);
        var message = await MessageOf(await ChatAsync(teamToken));

        Assert.Equal($"Authentication Error, Team={team} is blocked. Update via `/team/unblock` if you're admin.", message);
    }

    [Fact]
    public async Task EndUserClaim_NamesTheCustomer_BodysUserStillWins()
    {
        var team = await KeyRows.AddTeamAsync(Proxy);
        var customer = "cust-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = JwtAuthTestFixture.Client(Proxy, jwt.RsaKey.Sign(new Dictionary<string, object> { ["scope"] = "litellm_proxy_admin" }));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/customer/new", $$"""{"user_id": "{{customer}}", "blocked": true}""")).StatusCode);
        var token = jwt.RsaKey.Sign(new Dictionary<string, object> { ["team"] = team, ["customer"] = customer });
        using var client = JwtAuthTestFixture.Client(Proxy, token);

        var named = await client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("gpt-4o"));
        var bodyUser = await client.PostJsonAsync("/v1/chat/completions", """{"model": "gpt-4o", "user": "someone-else", "messages": [{"role": "user", "content": "hi"}]}""");

        Assert.Equal($"User blocked from making LLM API Calls. User={customer}", await MessageOf(named, 400));
        Assert.Equal(HttpStatusCode.OK, bodyUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(jwt.RsaKey.Sign(Team(team)))).StatusCode);
    }

    [Fact]
    public async Task TokenWithNoTeamNoUserNoAdminScope_401()
    {
        var message = await MessageOf(await ChatAsync(jwt.RsaKey.Sign(new Dictionary<string, object> { ["scope"] = "openid" })));

        Assert.Contains("maps to no team and no user", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewKid_AfterTheProviderRotates_PickedUpByRefetchingTheJwks()
    {
        using var original = TestSigningKey.Rsa("rotating-1");
        using var rotated = TestSigningKey.Rsa("rotating-2");
        await using var provider = await JwksServer.StartAsync(original);
        var proxy = jwt.StartProxy(management, provider.Url);
        var team = await KeyRows.AddTeamAsync(proxy);

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(original.Sign(Team(team)), proxy: proxy)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(original.Sign(Team(team)), proxy: proxy)).StatusCode);
        Assert.Equal(1, provider.Fetches);

        provider.Publish(rotated);
        await Task.Delay(JwksCache.UnknownKidRefetchInterval + TimeSpan.FromMilliseconds(200));

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(rotated.Sign(Team(team)), proxy: proxy)).StatusCode);
        Assert.Equal(2, provider.Fetches);
    }

    [Fact]
    public async Task JwksUnreachable_401()
    {
        var proxy = jwt.StartProxy(management, new Uri("http://127.0.0.1:1/jwks"));
        var team = await KeyRows.AddTeamAsync(proxy);

        var message = await MessageOf(await ChatAsync(jwt.RsaKey.Sign(Team(team)), proxy: proxy));

        Assert.Contains("Could not fetch the JWT public keys", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JwtDisabled_AdminScopedJwt_TreatedAsAnUnknownKey()
    {
        var token = jwt.RsaKey.Sign(new Dictionary<string, object> { ["scope"] = "litellm_proxy_admin" });
        using var client = management.Client(token);

        using var response = await client.PostJsonAsync("/key/generate", "{}");

        Assert.Contains("Unable to find token in cache or LiteLLM_VerificationTokenTable", await MessageOf(response), StringComparison.Ordinal);
    }
}
