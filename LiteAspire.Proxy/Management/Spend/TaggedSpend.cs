using LiteAspire.Data;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>One (request, tag) pair of <c>LiteLLM_SpendLogs</c>: a request with three tags is three of these.</summary>
public sealed class TaggedSpend
{
    /// <summary>The request.</summary>
    public required string RequestId { get; init; }

    /// <summary>When it started (UTC).</summary>
    public DateTime StartTime { get; init; }

    /// <summary>Its spend (counted once per tag).</summary>
    public double Spend { get; init; }

    /// <summary>Its tokens.</summary>
    public int TotalTokens { get; init; }

    /// <summary>Its key (hash).</summary>
    public required string ApiKey { get; init; }

    /// <summary>Its model.</summary>
    public required string Model { get; init; }

    /// <summary>One of its request tags.</summary>
    public required string Tag { get; init; }

    /// <summary>
    /// The pairs of requests started within [<paramref name="start"/>, <paramref name="end"/>], for LINQ to group in the
    /// database. <c>request_tags</c> is a JSON list that only the engine's own JSON function can unnest (LiteLLM's
    /// <c>jsonb_array_elements_text</c> on PostgreSQL, <c>json_each</c> on SQLite), hence this one piece of SQL.
    /// </summary>
    public static IQueryable<TaggedSpend> Between(LiteLLMDbContext db, DateTime? start, DateTime? end)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Npgsql sends a UTC DateTime as timestamptz; the column is timestamp(3) holding UTC, so the SQL converts it back.
        var from = DateTime.SpecifyKind(start ?? new DateTime(1, 1, 2), DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(end ?? new DateTime(9999, 12, 30), DateTimeKind.Utc);
        return db.Database.IsNpgsql()
            ? db.Database.SqlQuery<TaggedSpend>($"""
                SELECT s.request_id AS "RequestId", s."startTime" AS "StartTime", s.spend AS "Spend", s.total_tokens AS "TotalTokens",
                       s.api_key AS "ApiKey", s.model AS "Model", t.tag AS "Tag"
                FROM "LiteLLM_SpendLogs" s
                CROSS JOIN LATERAL jsonb_array_elements_text(
                    CASE WHEN jsonb_typeof(s.request_tags) = 'array' THEN s.request_tags ELSE '[]'::jsonb END) AS t(tag)
                WHERE s."startTime" >= ({from} AT TIME ZONE 'UTC') AND s."startTime" <= ({to} AT TIME ZONE 'UTC')
                """)
            : db.Database.SqlQuery<TaggedSpend>($"""
                SELECT s.request_id AS "RequestId", s."startTime" AS "StartTime", s.spend AS "Spend", s.total_tokens AS "TotalTokens",
                       s.api_key AS "ApiKey", s.model AS "Model", CAST(t.value AS TEXT) AS "Tag"
                FROM "LiteLLM_SpendLogs" s,
                     json_each(CASE WHEN json_valid(s.request_tags) AND json_type(s.request_tags) = 'array' THEN s.request_tags ELSE '[]' END) AS t
                WHERE s."startTime" >= {from} AND s."startTime" <= {to}
                """);
    }
}
