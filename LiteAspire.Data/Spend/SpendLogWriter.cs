using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data.Spend;

/// <summary>
/// The <c>LiteLLM_SpendLogs</c> part of a spend batch: inserts the rows of events not logged before and returns exactly
/// those events, so the counters and aggregates built from them count each request once however often it is delivered.
/// </summary>
internal static class SpendLogWriter
{
    /// <summary>Adds the new events' rows to <paramref name="db"/> (saved by the caller) and returns them, sorted by request id.</summary>
    public static async Task<List<SpendEvent>> AddNewAsync(LiteLLMDbContext db, IReadOnlyList<SpendEvent> events, CancellationToken cancellationToken)
    {
        // One event per request id (a stream can deliver one twice in a batch), in a fixed order so writers lock the same way.
        var unique = events.DistinctBy(e => e.RequestId, StringComparer.Ordinal).OrderBy(e => e.RequestId, StringComparer.Ordinal).ToList();
        var ids = unique.Select(e => e.RequestId).ToList();
        var logged = (await db.SpendLogs.AsNoTracking().Where(l => ids.Contains(l.RequestId)).Select(l => l.RequestId)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var fresh = unique.Where(e => !logged.Contains(e.RequestId)).ToList();
        db.SpendLogs.AddRange(fresh.Select(Row));
        return fresh;
    }

    private static SpendLogs Row(SpendEvent e) => new()
    {
        RequestId = e.RequestId,
        CallType = e.CallType,
        ApiKey = e.ApiKey ?? "",
        Spend = e.Spend,
        PromptTokens = Int(e.PromptTokens),
        CompletionTokens = Int(e.CompletionTokens),
        TotalTokens = Int(e.PromptTokens + e.CompletionTokens),
        StartTime = e.StartTime,
        EndTime = e.EndTime,
        RequestDurationMs = Int((long)(e.EndTime - e.StartTime).TotalMilliseconds),
        CompletionStartTime = e.CompletionStartTime,
        Model = e.Model ?? "",
        ModelId = e.ModelId ?? "",
        ModelGroup = e.ModelGroup ?? "",
        CustomLlmProvider = e.Provider ?? "",
        ApiBase = e.ApiBase ?? "",
        User = e.UserId ?? "",
        Metadata = Metadata(e),
        CacheHit = e.CacheHit ? "True" : "False",
        CacheKey = e.CacheKey ?? "",
        RequestTags = JsonSerializer.Serialize(e.Tags, SpendLogJsonContext.Default.IReadOnlyListString),
        TeamId = e.TeamId,
        OrganizationId = e.OrganizationId,
        EndUser = e.EndUser,
        RequesterIpAddress = e.RequesterIpAddress,
        Messages = e.Messages ?? "{}",
        Response = e.Response ?? "{}",
        Status = e.Status,
    };

    // LiteLLM's metadata: who called (user_api_key_*), then what the Proxy added (spend_logs_metadata, usage_object, errors...).
    private static string Metadata(SpendEvent e)
    {
        var metadata = new JsonObject
        {
            ["user_api_key"] = e.ApiKey,
            ["user_api_key_alias"] = e.KeyAlias,
            ["user_api_key_team_id"] = e.TeamId,
            ["user_api_key_org_id"] = e.OrganizationId,
            ["user_api_key_user_id"] = e.UserId,
            ["user_api_key_end_user_id"] = e.EndUser,
            ["additional_usage_values"] = new JsonObject
            {
                ["cache_read_input_tokens"] = e.CacheReadInputTokens,
                ["cache_creation_input_tokens"] = e.CacheCreationInputTokens,
                ["reasoning_tokens"] = e.ReasoningTokens,
            },
        };
        if (e.Metadata is { Length: > 0 } && JsonNode.Parse(e.Metadata) is JsonObject added)
        {
            foreach (var (name, value) in added.ToList())
            {
                added.Remove(name);
                metadata[name] = value;
            }
        }

        return metadata.ToJsonString();
    }

    private static int Int(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class SpendLogJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
