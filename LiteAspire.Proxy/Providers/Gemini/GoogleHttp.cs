using System.Collections;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>Request plumbing shared by the Google adapters: the JSON POST, <c>extra_headers</c>, and <c>os.environ/</c> values.</summary>
public static class GoogleHttp
{
    /// <summary>A POST with <paramref name="body"/> serialized straight to the request stream.</summary>
    public static HttpRequestMessage JsonPost(string url, JsonObject body, ResolvedDeployment deployment)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        foreach (var (name, value) in ExtraHeaders(deployment))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    /// <summary>The deployment's <c>extra_headers</c> (litellm_params), whatever dictionary shape YAML gave them.</summary>
    public static IEnumerable<(string Name, string Value)> ExtraHeaders(ResolvedDeployment deployment)
    {
        if (!deployment.Params.TryGetValue("extra_headers", out var headers) || headers is null)
        {
            yield break;
        }

        if (headers is JsonObject json)
        {
            foreach (var (name, value) in json)
            {
                yield return (name, value?.ToString() ?? "");
            }
        }
        else if (headers is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                yield return (entry.Key.ToString() ?? "", entry.Value?.ToString() ?? "");
            }
        }
    }

    /// <summary>True when <c>extra_headers</c> sets <c>Authorization</c> (then no token is needed).</summary>
    public static bool HasAuthorizationHeader(ResolvedDeployment deployment)
    {
        foreach (var (name, _) in ExtraHeaders(deployment))
        {
            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>litellm_params</c> string, with <c>os.environ/NAME</c> read from the environment; else the first set environment variable.</summary>
    public static string? Setting(ResolvedDeployment deployment, string key, params string[] environmentVariables)
    {
        var value = deployment.GetString(key);
        if (value is not null && value.StartsWith("os.environ/", StringComparison.Ordinal))
        {
            value = Environment.GetEnvironmentVariable(value["os.environ/".Length..]);
        }

        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }

        foreach (var variable in environmentVariables)
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment;
            }
        }

        return null;
    }

    /// <summary>The upstream model name without a leading <c>models/</c>.</summary>
    public static string ModelName(ChatCall call) => StripModels(call.Request["model"]?.GetValue<string>() ?? call.Deployment.UpstreamModel);

    /// <summary>The model name without a leading <c>models/</c>.</summary>
    public static string StripModels(string model) => model.StartsWith("models/", StringComparison.Ordinal) ? model["models/".Length..] : model;
}
