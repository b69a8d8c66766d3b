using System.Globalization;

using LiteAspire.Data;
using LiteAspire.Data.Budgets;
using LiteAspire.Data.Configuration;
using LiteAspire.Worker.Alerts;

using YamlDotNet.RepresentationModel;

namespace LiteAspire.Worker.Budgets;

/// <summary>
/// What the Worker's budget jobs read from the config.yaml the Proxy reads (<c>--config</c> / <c>CONFIG_FILE_PATH</c>):
/// the reset time zone and switch, the reset interval, and where budget alerts go.
/// </summary>
public sealed record BudgetSettings
{
    /// <summary>How often the reset job runs when the config says nothing: resets land within a minute of the boundary.</summary>
    public static readonly TimeSpan DefaultResetInterval = TimeSpan.FromSeconds(60);

    /// <summary><c>litellm_settings.timezone</c>: where periods end.</summary>
    public BudgetCalendar Calendar { get; init; } = BudgetCalendar.Utc;

    /// <summary><c>general_settings.disable_reset_budget</c>: no reset job.</summary>
    public bool DisableResetBudget { get; init; }

    /// <summary>
    /// Shortest wait between reset runs: <c>general_settings.proxy_budget_rescheduler_min_time</c> (seconds, or env
    /// <c>PROXY_BUDGET_RESCHEDULER_MIN_TIME</c>), else <see cref="DefaultResetInterval"/>.
    /// </summary>
    public TimeSpan ResetIntervalMin { get; init; } = DefaultResetInterval;

    /// <summary>Longest wait (<c>proxy_budget_rescheduler_max_time</c>); each run waits a random time between the two.</summary>
    public TimeSpan ResetIntervalMax { get; init; } = DefaultResetInterval;

    /// <summary>Where budget alerts go, if anywhere.</summary>
    public AlertSettings Alerts { get; init; } = AlertSettings.None;

    /// <summary>Problems worth logging at start.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The settings of the file named by <c>--config</c> / <c>CONFIG_FILE_PATH</c> (none: the defaults, alerts from env only).</summary>
    /// <param name="configuration">The Worker's configuration (command line and environment).</param>
    /// <exception cref="StartupConfigurationException">The file is missing or malformed.</exception>
    public static BudgetSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = LiteLLMConfigDocument.PathFrom(configuration);
        var document = path is null ? null : LiteLLMConfigDocument.Load(path, name => configuration[name], Error);
        return From(document, name => configuration[name]);
    }

    /// <summary>The settings of config text (tests).</summary>
    public static BudgetSettings Parse(string yaml, Func<string, string?> environment) =>
        From(LiteLLMConfigDocument.Parse(yaml, "config.yaml", environment, Error), environment);

    private static BudgetSettings From(LiteLLMConfigDocument? document, Func<string, string?> processEnvironment)
    {
        // Like LiteLLM, the config's environment_variables count as environment (SLACK_WEBHOOK_URL is often set there).
        string? Env(string name) => document?.EnvironmentVariables.GetValueOrDefault(name) ?? processEnvironment(name);
        var general = document?.Entries("general_settings") ?? new Dictionary<string, YamlNode>();
        var litellm = document?.Entries("litellm_settings") ?? new Dictionary<string, YamlNode>();
        var reader = document?.Reader;
        var warnings = new List<string>(document?.Warnings ?? []);

        var calendar = BudgetCalendar.FromTimeZoneName(reader?.String(litellm.GetValueOrDefault("timezone"), "litellm_settings.timezone"), out var zoneWarning);
        if (zoneWarning is not null)
        {
            warnings.Add(zoneWarning);
        }

        var min = Seconds(reader, general, "proxy_budget_rescheduler_min_time", Env) ?? DefaultResetInterval;
        var max = Seconds(reader, general, "proxy_budget_rescheduler_max_time", Env) ?? (min > DefaultResetInterval ? min : DefaultResetInterval);
        return new BudgetSettings
        {
            Calendar = calendar,
            DisableResetBudget = reader?.Boolean(general.GetValueOrDefault("disable_reset_budget"), "general_settings.disable_reset_budget") ?? false,
            ResetIntervalMin = min,
            ResetIntervalMax = max < min ? min : max,
            Alerts = AlertSettings.From(
                Strings(reader, general.GetValueOrDefault("alerting"), "general_settings.alerting"),
                general.ContainsKey("alert_types") ? Strings(reader, general["alert_types"], "general_settings.alert_types") : null,
                WebhookUrls(reader, general.GetValueOrDefault("alert_to_webhook_url")),
                Env, warnings),
            Warnings = warnings,
        };
    }

    private static TimeSpan? Seconds(YamlConfigReader? reader, IReadOnlyDictionary<string, YamlNode> general, string key, Func<string, string?> env)
    {
        var seconds = reader?.Number(general.GetValueOrDefault(key), $"general_settings.{key}")
            ?? (double.TryParse(env(key.ToUpperInvariant()), NumberStyles.Float, CultureInfo.InvariantCulture, out var fromEnv) ? fromEnv : null);
        return seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null;
    }

    private static List<string> Strings(YamlConfigReader? reader, YamlNode? node, string path)
    {
        var list = new List<string>();
        if (reader is null || node is null)
        {
            return list;
        }

        if (reader.Sequence(node is YamlScalarNode ? null : node, path) is { } sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (reader.String(sequence.Children[i], $"{path}[{i}]") is { } item)
                {
                    list.Add(item);
                }
            }
        }
        else if (reader.String(node, path) is { } single)
        {
            list.Add(single);
        }

        return list;
    }

    // alert_to_webhook_url: {alert_type: url or [urls]}.
    private static Dictionary<string, List<string>> WebhookUrls(YamlConfigReader? reader, YamlNode? node)
    {
        var urls = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (reader?.Mapping(node, "general_settings.alert_to_webhook_url") is { } mapping)
        {
            foreach (var (type, value) in reader.Entries(mapping, "general_settings.alert_to_webhook_url"))
            {
                urls[type] = Strings(reader, value, $"general_settings.alert_to_webhook_url.{type}");
            }
        }

        return urls;
    }

    private static StartupConfigurationException Error(string message, Exception? inner) =>
        inner is null ? new StartupConfigurationException(message) : new StartupConfigurationException(message, inner);
}
