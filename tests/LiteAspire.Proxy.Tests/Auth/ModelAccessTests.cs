using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Tests.Auth;

public sealed class ModelAccessTests
{
    private readonly ModelAccess _access = new(new ModelRouter(new DeploymentTable(ProxyConfigLoader.Parse("""
        model_list:
          - model_name: gpt-4o
            litellm_params: { model: openai/gpt-4o }
          - model_name: gpt-4o-mini
            litellm_params: { model: openai/gpt-4o-mini }
            model_info: { access_groups: ["beta-models"] }
          - model_name: claude-3-5-sonnet
            litellm_params: { model: anthropic/claude-3-5-sonnet }
        """, environment: _ => null), new DeploymentResolver(new ProviderRegistry(), _ => null))));

    private static ApiKeyAuth Key(IReadOnlyList<string> models, TeamScope? team = null, ScopeLimits? user = null) =>
        new() { Token = "t", UserRole = LiteLLMRoles.InternalUser, Models = models, Team = team, User = user };

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("claude-3-5-sonnet")]
    public void EmptyKeyList_AllowsEveryModel(string model) => _access.Check(Key([]), model);

    [Theory]
    [InlineData("gpt-*", "gpt-4o-mini", true)]
    [InlineData("gpt-*", "claude-3-5-sonnet", false)]
    [InlineData("beta-models", "gpt-4o-mini", true)]
    [InlineData("beta-models", "gpt-4o", false)]
    [InlineData("all-proxy-models", "claude-3-5-sonnet", true)]
    [InlineData("gpt-4o", "gpt-4o", true)]
    [InlineData("gpt-4o", "gpt-4o-mini", false)]
    public void Allows_NamesWildcardsAccessGroupsAndAllProxyModels(string entry, string model, bool allowed) =>
        Assert.Equal(allowed, _access.Allows([entry], model));

    [Fact]
    public void KeyNotAllowed_401KeyModelAccessDeniedInLiteLLMsWords()
    {
        var error = Assert.Throws<GatewayException>(() => _access.Check(Key(["gpt-4o"]), "claude-3-5-sonnet"));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("key_model_access_denied", error.ErrorType);
        Assert.Equal("key not allowed to access model. This key can only access models=['gpt-4o']. Tried to access claude-3-5-sonnet", error.Message);
    }

    [Fact]
    public void TeamRestrictsAKeyWithoutItsOwnList_AllTeamModelsMeansTheTeams()
    {
        var team = new TeamScope { TeamId = "team-a", Models = ["gpt-4o"] };

        _access.Check(Key([], team), "gpt-4o");
        _access.Check(Key(["all-team-models"], team), "gpt-4o");
        var error = Assert.Throws<GatewayException>(() => _access.Check(Key(["all-team-models"], team), "gpt-4o-mini"));
        Assert.Equal("team_model_access_denied", error.ErrorType);
    }

    [Fact]
    public void PersonalKey_AnswersToItsUsersModels()
    {
        var user = new ScopeLimits("u1", ["claude-3-5-sonnet"], null, LimitSet.None);

        _access.Check(Key([], user: user), "claude-3-5-sonnet");
        Assert.Equal("user_model_access_denied", Assert.Throws<GatewayException>(() => _access.Check(Key([], user: user), "gpt-4o")).ErrorType);
    }

    [Fact]
    public void MasterKey_IsNeverRestricted() => _access.Check(ApiKeyAuth.MasterKey("m") with { Models = ["none"] }, "gpt-4o");
}
