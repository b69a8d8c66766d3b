using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Management.Settings;

/// <summary>
/// <c>GET /router/cooldowns</c> (LiteAspire's; LiteLLM keeps its cooldowns in its cache and serves no route for them): the
/// deployments out of rotation now on this replica, which with Redis are every replica's. Read only; proxy admins and admin viewers.
/// </summary>
public static class RouterCooldownsEndpoint
{
    /// <summary>Handles the request: <c>{"cooldowns": [{model_id, model_name, model, cooldown_until, remaining_seconds}], "total": n}</c>.</summary>
    public static IResult Handle(HttpContext context, Cooldowns cooldowns, ModelRouter router, DeploymentStates states)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cooldowns);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(states);
        ManagementAccess.RequireReadAll(Caller.Of(context), "read deployment cooldowns");
        var now = states.NowMs;
        var list = new JsonArray();
        foreach (var (id, until) in cooldowns.Active().OrderBy(c => c.Until))
        {
            var entry = router.Table.Deployments.FirstOrDefault(d => d.Id == id);
            list.Add(new JsonObject
            {
                ["model_id"] = id,
                ["model_name"] = entry?.Source.ModelName,
                ["model"] = entry?.Source.LiteLLMParams.Model,
                ["cooldown_until"] = until,
                ["remaining_seconds"] = Math.Max(0, until.ToUnixTimeMilliseconds() - now) / 1000.0,
            });
        }

        return JsonBody.Result(new JsonObject { ["cooldowns"] = list, ["total"] = list.Count });
    }
}
