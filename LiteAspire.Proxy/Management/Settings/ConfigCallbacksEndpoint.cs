using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Management.Settings;

/// <summary>
/// LiteLLM's <c>GET /get/config/callbacks</c>: <c>{status, callbacks: [{name, variables, type}], alerts: [{name, variables}],
/// router_settings}</c> from config.yaml. Unlike LiteLLM, every credential among the variables and router settings is
/// <see cref="SettingsSecrets.Redacted"/>. Read only; proxy admins and admin viewers.
/// </summary>
public static class ConfigCallbacksEndpoint
{
    // The environment variables LiteLLM reports for each callback and alert.
    private static readonly Dictionary<string, string[]> s_variables = new(StringComparer.Ordinal)
    {
        ["langfuse"] = ["LANGFUSE_PUBLIC_KEY", "LANGFUSE_SECRET_KEY", "LANGFUSE_HOST"],
        ["langfuse_otel"] = ["LANGFUSE_PUBLIC_KEY", "LANGFUSE_SECRET_KEY", "LANGFUSE_HOST"],
        ["langsmith"] = ["LANGSMITH_API_KEY", "LANGSMITH_PROJECT", "LANGSMITH_DEFAULT_RUN_NAME"],
        ["openmeter"] = ["OPENMETER_API_KEY"],
        ["braintrust"] = ["BRAINTRUST_API_KEY"],
        ["traceloop"] = ["TRACELOOP_API_KEY"],
        ["custom_callback_api"] = ["GENERIC_LOGGER_ENDPOINT", "GENERIC_LOGGER_HEADERS"],
        ["generic_api"] = ["GENERIC_LOGGER_ENDPOINT", "GENERIC_LOGGER_HEADERS"],
        ["otel"] = ["OTEL_EXPORTER", "OTEL_ENDPOINT", "OTEL_HEADERS"],
        ["datadog"] = ["DD_API_KEY", "DD_SITE"],
        ["slack"] = ["SLACK_WEBHOOK_URL"],
        ["email"] = ["SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_SENDER_EMAIL"],
        ["webhook"] = ["WEBHOOK_URL"],
    };

    /// <summary>Handles the request.</summary>
    public static IResult Handle(HttpContext context, ProxyConfig config, RouterPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        ManagementAccess.RequireReadAll(Caller.Of(context), "read the callback settings");
        var library = config.LiteLLMSettings.Extra;
        var callbacks = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (setting, type) in new[] { ("callbacks", "success_and_failure"), ("success_callback", "success"), ("failure_callback", "failure") })
        {
            foreach (var name in Names(library.GetValueOrDefault(setting)))
            {
                if (seen.Add(type + ":" + name))
                {
                    callbacks.Add(new JsonObject { ["name"] = name, ["variables"] = Variables(config, name), ["type"] = type });
                }
            }
        }

        var alerts = new JsonArray();
        foreach (var name in Names(config.GeneralSettings.Extra.GetValueOrDefault("alerting")).Distinct(StringComparer.Ordinal))
        {
            alerts.Add(new JsonObject
            {
                ["name"] = name,
                ["variables"] = Variables(config, name),
                ["active_alerts"] = SettingsSecrets.Masked("alert_types", config.GeneralSettings.Extra.GetValueOrDefault("alert_types")),
            });
        }

        return JsonBody.Result(new JsonObject
        {
            ["status"] = "success",
            ["callbacks"] = callbacks,
            ["alerts"] = alerts,
            ["router_settings"] = RouterSettingsEndpoint.CurrentValues(config, policy),
        });
    }

    // A callback setting is a list of names, or one name.
    private static IEnumerable<string> Names(object? setting) => setting switch
    {
        string one => [one],
        IEnumerable<object?> many => many.OfType<string>(),
        _ => [],
    };

    // Each variable from config.yaml's environment_variables, else the process environment; null when unset.
    private static JsonObject Variables(ProxyConfig config, string callback)
    {
        var variables = new JsonObject();
        foreach (var name in s_variables.GetValueOrDefault(callback, []))
        {
            var value = config.EnvironmentVariables.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(name);
            variables[name] = SettingsSecrets.Masked(name, value);
        }

        return variables;
    }
}
