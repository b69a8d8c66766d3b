using System.ComponentModel.DataAnnotations;

using LiteAspire.Admin.ProxyApi.Models;

namespace LiteAspire.Admin.Components.Pages.Models;

/// <summary>What the add/edit dialog collects. The api key is write-only: empty on edit means "keep the stored one".</summary>
public sealed class ModelForm
{
    /// <summary>The public name clients send as <c>model</c>.</summary>
    [Required(ErrorMessage = "A model name is required.")]
    public string ModelName { get; set; } = "";

    /// <summary><c>provider/model</c>, e.g. <c>openai/gpt-4o</c>.</summary>
    [Required(ErrorMessage = "The provider/model is required, e.g. openai/gpt-4o.")]
    public string ProviderModel { get; set; } = "";

    /// <summary>The upstream's base URL.</summary>
    public string? ApiBase { get; set; }

    /// <summary>The upstream's key; never read back from the proxy.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Requests a minute.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "RPM must be 0 or more.")]
    public long? Rpm { get; set; }

    /// <summary>Tokens a minute.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "TPM must be 0 or more.")]
    public long? Tpm { get; set; }

    /// <summary>USD per input token.</summary>
    [Range(0, double.MaxValue, ErrorMessage = "Costs must be 0 or more.")]
    public double? InputCostPerToken { get; set; }

    /// <summary>USD per output token.</summary>
    [Range(0, double.MaxValue, ErrorMessage = "Costs must be 0 or more.")]
    public double? OutputCostPerToken { get; set; }

    /// <summary>The form filled from an existing deployment (no key: the proxy never returns it).</summary>
    public static ModelForm From(DeploymentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ModelForm
        {
            ModelName = row.Group,
            ProviderModel = row.Model,
            ApiBase = row.ApiBase,
            Rpm = row.Rpm,
            Tpm = row.Tpm,
            InputCostPerToken = row.InputCostPerToken,
            OutputCostPerToken = row.OutputCostPerToken,
        };
    }

    /// <summary>The <c>litellm_params</c> to send; blank fields are left out.</summary>
    public ModelParamsInput ToParams() => new(
        ProviderModel.Trim(),
        Blank(ApiBase),
        Blank(ApiKey),
        Rpm,
        Tpm,
        InputCostPerToken,
        OutputCostPerToken);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
