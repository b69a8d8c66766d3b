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
    /// <summary>Inserts the new events' rows (binary COPY on PostgreSQL) and returns those events, sorted by request id.</summary>
    /// <remarks>
    /// An event is known when a row with its request id and its call id exists (a redelivery), or a row under its call id does.
    /// A row with its request id but another call's id is a different request whose upstream reused the response id: the
    /// event is logged under its call id instead, so it is neither lost nor mistaken for a duplicate.
    /// </remarks>
    public static async Task<List<SpendEvent>> InsertNewAsync(LiteLLMDbContext db, IReadOnlyList<SpendEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.RequestId).Concat(events.Select(e => e.CallId).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
        var logged = (await db.SpendLogs.AsNoTracking().Where(l => ids.Contains(l.RequestId)).Select(l => new { l.RequestId, l.Metadata })
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(l => l.RequestId, l => CallIdOf(l.Metadata), StringComparer.Ordinal);
        var fresh = new List<SpendEvent>(events.Count);
        foreach (var e in events)
        {
            var row = e;
            if (logged.TryGetValue(e.RequestId, out var callId))
            {
                if (e.CallId is null || callId == e.CallId || logged.ContainsKey(e.CallId))
                {
                    continue;
                }

                row = e with { RequestId = e.CallId };
            }

            logged[row.RequestId] = e.CallId;
            fresh.Add(row);
        }

        // A fixed order, so writers racing on the same rows lock them alike.
        fresh.Sort((a, b) => string.CompareOrdinal(a.RequestId, b.RequestId));
        if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection postgres)
        {
            await SpendLogCopy.WriteAsync(postgres, fresh.Select(Row), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            db.SpendLogs.AddRange(fresh.Select(Row));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return fresh;
    }

    private static string? CallIdOf(string? metadata)
    {
        try
        {
            return metadata is { Length: > 0 } && JsonNode.Parse(metadata) is JsonObject json && json["litellm_call_id"] is JsonValue id
                ? id.GetValue<string>()
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
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
            ["litellm_call_id"] = e.CallId,
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
