namespace LiteAspire.Data.Schema;

/// <summary>One change to a key, team, user or model (<c>LiteLLM_AuditLog</c>); written only when audit logs are on.</summary>
public class AuditLog
{
    public required string Id { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>User or system that made the change.</summary>
    public string ChangedBy { get; set; } = "";

    /// <summary>Hash of the key that made the change.</summary>
    public string ChangedByApiKey { get; set; } = "";

    /// <summary><c>created</c>, <c>updated</c>, <c>deleted</c>, <c>blocked</c>, <c>unblocked</c> or <c>rotated</c>.</summary>
    public required string Action { get; set; }

    /// <summary>LiteLLM table name of the changed row.</summary>
    public required string TableName { get; set; }

    public required string ObjectId { get; set; }

    /// <summary>The row before (JSON).</summary>
    public string? BeforeValue { get; set; }

    /// <summary>The changed values (JSON).</summary>
    public string? UpdatedValues { get; set; }
}
