using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Worker.Alerts;

/// <summary>
/// One budget alert, with LiteLLM's <c>WebhookEvent</c> fields. Identifies a key by its token hash and alias only: never
/// its plaintext, never the master key.
/// </summary>
public sealed record BudgetAlert
{
    /// <summary><c>event</c>: <c>budget_crossed</c> (100 %), <c>threshold_crossed</c> (50 %, 80 %) or <c>soft_budget_crossed</c>.</summary>
    public required string Event { get; init; }

    /// <summary><c>event_group</c>: key, user, team, team_member, organization, end_user, tag or proxy.</summary>
    public required string EventGroup { get; init; }

    /// <summary><c>event_message</c>, e.g. <c>Key Budget: 80% Threshold Crossed</c>.</summary>
    public required string EventMessage { get; init; }

    /// <summary>Spend in the period after the batch that crossed.</summary>
    public required double Spend { get; init; }

    /// <summary>The hard budget.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>The soft budget.</summary>
    public double? SoftBudget { get; init; }

    /// <summary>A key's token hash (sha256 hex).</summary>
    public string? Token { get; init; }

    /// <summary>A key's alias.</summary>
    public string? KeyAlias { get; init; }

    /// <summary>The user.</summary>
    public string? UserId { get; init; }

    /// <summary>The user's email.</summary>
    public string? UserEmail { get; init; }

    /// <summary>The team.</summary>
    public string? TeamId { get; init; }

    /// <summary>The team's alias.</summary>
    public string? TeamAlias { get; init; }

    /// <summary>The customer (end user).</summary>
    public string? CustomerId { get; init; }

    /// <summary>The organization.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The tag (a LiteAspire addition to the event's fields).</summary>
    public string? Tag { get; init; }

    /// <summary>When the budget period ends (UTC), or null when it never resets.</summary>
    public DateTime? BudgetResetAt { get; init; }

    /// <summary>LiteLLM's <c>WebhookEvent</c> JSON (the body posted to <c>WEBHOOK_URL</c>).</summary>
    public string ToWebhookJson()
    {
        var body = new JsonObject
        {
            ["spend"] = Spend,
            ["max_budget"] = MaxBudget,
            ["soft_budget"] = SoftBudget,
            ["token"] = Token,
            ["customer_id"] = CustomerId,
            ["user_id"] = UserId,
            ["team_id"] = TeamId,
            ["team_alias"] = TeamAlias,
            ["user_email"] = UserEmail,
            ["key_alias"] = KeyAlias,
            ["organization_id"] = OrganizationId,
            ["tag"] = Tag,
            ["budget_reset_at"] = BudgetResetAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["projected_exceeded_date"] = null,
            ["projected_spend"] = null,
            ["event"] = Event,
            ["event_group"] = EventGroup,
            ["event_message"] = EventMessage,
        };
        return body.ToJsonString();
    }

    /// <summary>Slack's incoming-webhook body, <c>{"text": ...}</c>, in LiteLLM's alert layout, sent at <paramref name="now"/>.</summary>
    public string ToSlackJson(DateTimeOffset now, string? proxyBaseUrl)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Level: `High`\nTimestamp: `{now:HH:mm:ss}`\n\nMessage: {EventMessage}\n");
        Line(text, "spend", Number(Spend));
        Line(text, "max_budget", MaxBudget is { } max ? Number(max) : null);
        Line(text, "soft_budget", SoftBudget is { } soft ? Number(soft) : null);
        Line(text, "token", Token);
        Line(text, "key_alias", KeyAlias);
        Line(text, "user_id", UserId);
        Line(text, "user_email", UserEmail);
        Line(text, "team_id", TeamId);
        Line(text, "team_alias", TeamAlias);
        Line(text, "customer_id", CustomerId);
        Line(text, "organization_id", OrganizationId);
        Line(text, "tag", Tag);
        Line(text, "budget_reset_at", BudgetResetAt?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(proxyBaseUrl))
        {
            text.Append(CultureInfo.InvariantCulture, $"\nProxy URL: `{proxyBaseUrl}`");
        }

        return JsonSerializer.Serialize(new JsonObject { ["text"] = text.ToString() });
    }

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{name}: `{value}`");
        }
    }
}
