namespace LiteAspire.Worker.Alerts;

/// <summary>Where budget alerts go, as LiteLLM's <c>general_settings.alerting</c>, <c>alert_types</c> and <c>alert_to_webhook_url</c> say.</summary>
/// <param name="Destinations">Every URL a budget alert is posted to, each in its format; empty: budget alerts are off.</param>
public sealed record AlertSettings(IReadOnlyList<AlertDestination> Destinations)
{
    /// <summary>LiteLLM's alert type of budget alerts (<c>alert_types</c>).</summary>
    public const string BudgetAlertsType = "budget_alerts";

    /// <summary>No alerts.</summary>
    public static AlertSettings None { get; } = new([]);

    /// <summary>Whether budget alerts are sent at all.</summary>
    public bool Enabled => Destinations.Count > 0;

    /// <summary>
    /// <c>alerting: ["slack"]</c> posts Slack messages to <c>alert_to_webhook_url.budget_alerts</c> (a URL or a list), else to
    /// <c>SLACK_WEBHOOK_URL</c>; <c>"webhook"</c> posts LiteLLM's <c>WebhookEvent</c> JSON to <c>WEBHOOK_URL</c>. An
    /// <c>alert_types</c> list without <c>budget_alerts</c> turns budget alerts off; no list means every type.
    /// </summary>
    public static AlertSettings From(IReadOnlyList<string> alerting, IReadOnlyList<string>? alertTypes,
        IReadOnlyDictionary<string, List<string>> alertToWebhookUrl, Func<string, string?> environment, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(alerting);
        ArgumentNullException.ThrowIfNull(alertToWebhookUrl);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(warnings);
        if (alerting.Count == 0 || (alertTypes is not null && !alertTypes.Contains(BudgetAlertsType, StringComparer.Ordinal)))
        {
            return None;
        }

        var destinations = new List<AlertDestination>();
        if (alerting.Contains("slack", StringComparer.Ordinal))
        {
            var urls = alertToWebhookUrl.TryGetValue(BudgetAlertsType, out var routed) && routed.Count > 0
                ? routed
                : environment("SLACK_WEBHOOK_URL") is { Length: > 0 } slack ? [slack] : [];
            Add(destinations, urls, AlertFormat.Slack, "SLACK_WEBHOOK_URL", warnings);
        }

        if (alerting.Contains("webhook", StringComparer.Ordinal))
        {
            Add(destinations, environment("WEBHOOK_URL") is { Length: > 0 } url ? [url] : [], AlertFormat.Webhook, "WEBHOOK_URL", warnings);
        }

        return new AlertSettings(destinations);
    }

    private static void Add(List<AlertDestination> destinations, List<string> urls, AlertFormat format, string variable, List<string> warnings)
    {
        if (urls.Count == 0)
        {
            warnings.Add($"general_settings.alerting has '{format.ToString().ToLowerInvariant()}' but {variable} is not set: those budget alerts are not sent.");
        }

        foreach (var url in urls)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                destinations.Add(new AlertDestination(uri, format));
            }
            else
            {
                // The URL itself may hold a secret (Slack's does): name the setting, not the value.
                warnings.Add($"A {format} budget alert URL ({variable} or alert_to_webhook_url) is not an http(s) URL; ignored.");
            }
        }
    }
}

/// <summary>A URL budget alerts are posted to, and the body it takes.</summary>
/// <param name="Url">The webhook (may hold a secret: never log it whole).</param>
/// <param name="Format">Slack message or LiteLLM webhook event.</param>
public sealed record AlertDestination(Uri Url, AlertFormat Format)
{
    /// <summary>The destination without its path (Slack's path is the secret): safe to log.</summary>
    public string Describe() => $"{Format} {Url.Scheme}://{Url.Authority}";

    /// <inheritdoc />
    public override string ToString() => Describe();
}

/// <summary>The body of an alert.</summary>
public enum AlertFormat
{
    /// <summary>Slack's incoming-webhook body, <c>{"text": ...}</c>.</summary>
    Slack,

    /// <summary>LiteLLM's <c>WebhookEvent</c> JSON.</summary>
    Webhook,
}
