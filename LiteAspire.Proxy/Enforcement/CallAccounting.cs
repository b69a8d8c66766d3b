using System.Text.Json.Nodes;

using LiteAspire.Data.Spend;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Routing;
using LiteAspire.Proxy.Spend;

namespace LiteAspire.Proxy.Enforcement;

/// <summary>
/// Closes a call's books: its cost against the budgets, its tokens against the tpm limits (LiteLLM's
/// <c>litellm_settings.token_rate_limit_type</c>: output tokens by default, or input or total), and one
/// <see cref="SpendEvent"/> for the spend writer.
/// </summary>
public sealed class CallAccounting(SpendRecorder recorder, IDeploymentUsage deploymentUsage, TimeProvider time, ProxyConfig config, ILogger<CallAccounting> logger)
{
    /// <summary><c>general_settings.store_prompts_in_spend_logs</c>: spend logs keep the messages and the response.</summary>
    public bool StoresPrompts { get; } = config.GeneralSettings.Extra.GetValueOrDefault("store_prompts_in_spend_logs") is true;

    private readonly string _tokenKind = config.LiteLLMSettings.Extra.GetValueOrDefault("token_rate_limit_type") as string ?? "output";

    /// <summary>
    /// Completes <paramref name="ticket"/> for a call to <paramref name="deployment"/> that used <paramref name="usage"/> and cost
    /// <paramref name="cost"/>. The counters' updates are sent at once but not waited for: the answer does not wait for Redis,
    /// and Redis applies one connection's commands in order, so the caller's next request still sees them. The spend event
    /// is keyed by <paramref name="requestId"/>, timed from <paramref name="startTime"/>, marked by <paramref name="success"/>,
    /// and keeps the request's <paramref name="messages"/> and the <paramref name="response"/> (JSON) only when
    /// <see cref="StoresPrompts"/>. A call answered from the response cache passes <paramref name="cacheKey"/> and <paramref name="cacheHit"/>.
    /// </summary>
    public ValueTask CompleteAsync(AdmissionTicket ticket, ResolvedDeployment deployment, JsonObject? usage, decimal? cost, string requestId,
        DateTime startTime, bool success, string? messages = null, string? response = null, string? cacheKey = null, bool cacheHit = false)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(deployment);
        var tokens = UsageTokens.Of(usage);
        var (prompt, completion) = (tokens.Prompt, tokens.Completion);
        var spend = success ? (double)(cost ?? 0m) : 0;
        if (prompt + completion > 0)
        {
            deploymentUsage.AddTokens(deployment.Id, prompt + completion);
        }

        var settled = ticket.CompleteAsync(spend, _tokenKind switch
        {
            "input" => prompt,
            "total" => prompt + completion,
            _ => completion,
        });
        if (!settled.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(settled);
        }

        if (ticket.Caller is not { } caller)
        {
            return ValueTask.CompletedTask;
        }

        recorder.Record(new SpendEvent
        {
            RequestId = requestId,
            CallId = ticket.CallId,
            CallType = CallTypeOf(ticket.Route),
            Endpoint = ticket.Route,
            RequesterIpAddress = ticket.RequesterIp,
            ApiKey = caller.Token,
            KeyAlias = caller.KeyAlias,
            UserId = caller.UserId,
            TeamId = caller.TeamId,
            OrganizationId = caller.OrganizationId,
            EndUser = ticket.EndUserId,
            Tags = ticket.Tags,
            CountsTowardsProxyBudget = CountsTowardsProxyBudget(ticket.Scopes),
            ModelGroup = deployment.ModelGroup,
            Model = deployment.UpstreamModel,
            ModelId = deployment.Id,
            Provider = deployment.Provider,
            ApiBase = ApiBaseOf(deployment),
            PromptTokens = prompt,
            CompletionTokens = completion,
            CacheReadInputTokens = tokens.CacheRead,
            CacheCreationInputTokens = tokens.CacheCreation,
            ReasoningTokens = tokens.Reasoning,
            Spend = spend,
            StartTime = startTime,
            EndTime = time.GetUtcNow().UtcDateTime,
            Status = success ? "success" : "failure",
            Messages = StoresPrompts ? messages : null,
            Response = StoresPrompts ? response : null,
            CacheHit = cacheHit,
            CacheKey = cacheKey,
        });
        return ValueTask.CompletedTask;
    }

    private async Task ObserveAsync(ValueTask settled)
    {
        try
        {
            await settled.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning("Counting a finished call against its budgets and limits failed: {Error}", e.Message);
        }
    }

    // LiteLLM's call types, by the route the client called.
    private static string CallTypeOf(string? route) => route switch
    {
        null => "acompletion",
        _ when route.EndsWith("/embeddings", StringComparison.Ordinal) => "aembedding",
        _ when route.EndsWith("/messages", StringComparison.Ordinal) => "anthropic_messages",
        _ when route.EndsWith("/chat/completions", StringComparison.Ordinal) => "acompletion",
        _ when route.EndsWith("/completions", StringComparison.Ordinal) => "atext_completion",
        _ => "acompletion",
    };

    // As x-litellm-model-api-base shows it: no query string (it can carry credentials).
    private static string? ApiBaseOf(ResolvedDeployment deployment) => deployment.ApiBase is { } apiBase && apiBase.IndexOf('?', StringComparison.Ordinal) is var query and >= 0
        ? apiBase[..query]
        : deployment.ApiBase;

    private static bool CountsTowardsProxyBudget(IReadOnlyList<Budgets.BudgetedScope> scopes)
    {
        foreach (var scope in scopes)
        {
            if (scope.Scope.Kind == Budgets.ProxyBudget.ScopeKind)
            {
                return true;
            }
        }

        return false;
    }
}
