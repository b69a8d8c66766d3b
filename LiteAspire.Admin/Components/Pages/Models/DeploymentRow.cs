using System.Globalization;

using LiteAspire.Admin.ProxyApi.Models;

namespace LiteAspire.Admin.Components.Pages.Models;

/// <summary>A deployment as the models table shows it: no credential, the api base without user info or query.</summary>
public sealed record DeploymentRow(
    string Id,
    string Group,
    string Model,
    string Provider,
    string? ApiBase,
    long? Rpm,
    long? Tpm,
    double? InputCostPerToken,
    double? OutputCostPerToken,
    bool IsStored)
{
    /// <summary>The row of <paramref name="deployment"/>.</summary>
    public static DeploymentRow From(DeploymentInfo deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var parameters = deployment.LitellmParams;
        var info = deployment.ModelInfo;
        var model = parameters?.Model ?? "";
        return new DeploymentRow(
            info?.Id ?? "",
            deployment.ModelName ?? "",
            model,
            ProviderOf(parameters?.CustomLlmProvider, model),
            SafeApiBase(parameters?.ApiBase),
            parameters?.Rpm,
            parameters?.Tpm,
            parameters?.InputCostPerToken ?? info?.InputCostPerToken,
            parameters?.OutputCostPerToken ?? info?.OutputCostPerToken,
            info?.DbModel == true);
    }

    /// <summary>The provider: <c>custom_llm_provider</c>, else the prefix of <c>provider/model</c>.</summary>
    public static string ProviderOf(string? customProvider, string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!string.IsNullOrWhiteSpace(customProvider))
        {
            return customProvider;
        }

        var slash = model.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? model[..slash] : "from price table";
    }

    /// <summary>An api base fit to show: a URL loses its user info, query and fragment (they may carry a credential).</summary>
    public static string? SafeApiBase(string? apiBase)
    {
        if (string.IsNullOrWhiteSpace(apiBase))
        {
            return null;
        }

        if (!Uri.TryCreate(apiBase, UriKind.Absolute, out var uri))
        {
            return apiBase;
        }

        return uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? apiBase
            : new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.ToString();
    }

    /// <summary>Limits, one a line: "60 rpm", "10,000 tpm", or "none".</summary>
    public IReadOnlyList<string> LimitLines
    {
        get
        {
            var lines = new List<string>(2);
            if (Rpm is { } rpm)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{rpm:N0} rpm"));
            }

            if (Tpm is { } tpm)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{tpm:N0} tpm"));
            }

            return lines.Count == 0 ? ["none"] : lines;
        }
    }

    /// <summary>Prices per million tokens, one a line, or where they come from when the deployment sets none.</summary>
    public IReadOnlyList<string> PriceLines => InputCostPerToken is null && OutputCostPerToken is null
        ? ["price table"]
        : [$"in {PerMillion(InputCostPerToken)} / 1M", $"out {PerMillion(OutputCostPerToken)} / 1M"];

    private static string PerMillion(double? perToken) =>
        perToken is { } cost ? "$" + (cost * 1_000_000).ToString("0.####", CultureInfo.InvariantCulture) : "—";
}
