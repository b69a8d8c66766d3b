using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>
/// <c>LiteLLM_SpendLogs</c> rows as LiteLLM returns them: column names as keys (<c>startTime</c> camelCase), JSON columns
/// as JSON. Lists are streamed row by row from the database, so a key with a million logs is never held in memory.
/// </summary>
public static class SpendLogJson
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON array of the rows, streamed.</summary>
    public static IResult Array(IAsyncEnumerable<SpendLogs> rows) => new StreamedRows(rows, null);

    /// <summary>LiteLLM's paginated object (<c>{"data": [...], "total", "page", "page_size", "total_pages"}</c>).</summary>
    public static IResult Page(IAsyncEnumerable<SpendLogs> rows, int total, int page, int pageSize) =>
        new StreamedRows(rows, (total, page, pageSize));

    /// <summary>Writes one row.</summary>
    public static void Write(Utf8JsonWriter writer, SpendLogs row)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(row);
        writer.WriteStartObject();
        writer.WriteString("request_id", row.RequestId);
        writer.WriteString("call_type", row.CallType);
        writer.WriteString("api_key", row.ApiKey);
        writer.WriteNumber("spend", row.Spend);
        writer.WriteNumber("total_tokens", row.TotalTokens);
        writer.WriteNumber("prompt_tokens", row.PromptTokens);
        writer.WriteNumber("completion_tokens", row.CompletionTokens);
        WriteTime(writer, "startTime", row.StartTime);
        WriteTime(writer, "endTime", row.EndTime);
        WriteNumber(writer, "request_duration_ms", row.RequestDurationMs);
        WriteTime(writer, "completionStartTime", row.CompletionStartTime);
        writer.WriteString("model", row.Model);
        writer.WriteString("model_id", row.ModelId);
        writer.WriteString("model_group", row.ModelGroup);
        writer.WriteString("custom_llm_provider", row.CustomLlmProvider);
        writer.WriteString("api_base", row.ApiBase);
        writer.WriteString("user", row.User);
        WriteJson(writer, "metadata", row.Metadata);
        writer.WriteString("cache_hit", row.CacheHit);
        writer.WriteString("cache_key", row.CacheKey);
        WriteJson(writer, "request_tags", row.RequestTags);
        writer.WriteString("team_id", row.TeamId);
        writer.WriteString("organization_id", row.OrganizationId);
        writer.WriteString("end_user", row.EndUser);
        writer.WriteString("requester_ip_address", row.RequesterIpAddress);
        WriteJson(writer, "messages", row.Messages);
        WriteJson(writer, "response", row.Response);
        writer.WriteString("session_id", row.SessionId);
        writer.WriteString("status", row.Status);
        writer.WriteString("mcp_namespaced_tool_name", row.McpNamespacedToolName);
        writer.WriteString("agent_id", row.AgentId);
        WriteJson(writer, "proxy_server_request", row.ProxyServerRequest);
        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTime? value)
    {
        if (value is { } time)
        {
            // Prisma's timestamp(3): milliseconds, UTC.
            writer.WriteString(name, time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    // A JSON column as JSON; text that is not JSON (possible on SQLite) as a string rather than a broken document.
    private static void WriteJson(Utf8JsonWriter writer, string name, string? json)
    {
        writer.WritePropertyName(name);
        if (json is null)
        {
            writer.WriteNullValue();
            return;
        }

        try
        {
            writer.WriteRawValue(json);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(json);
        }
    }

    private sealed class StreamedRows(IAsyncEnumerable<SpendLogs> rows, (int Total, int Page, int PageSize)? page) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "application/json; charset=utf-8";
            var cancellationToken = httpContext.RequestAborted;
            await using var writer = new Utf8JsonWriter(response.BodyWriter, s_options);
            if (page is { } p)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("data");
            }

            writer.WriteStartArray();
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                Write(writer, row);
                if (writer.BytesPending > 32 * 1024)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            if (page is { } q)
            {
                writer.WriteNumber("total", q.Total);
                writer.WriteNumber("page", q.Page);
                writer.WriteNumber("page_size", q.PageSize);
                writer.WriteNumber("total_pages", Keys.ManagementQuery.Pages(q.Total, q.PageSize));
                writer.WriteEndObject();
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
