using System.Globalization;
using System.Text.Json;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// The price table shipped with the proxy (<c>Spend/Pricing/model_prices.json</c>, embedded): keyed and shaped like LiteLLM's
/// <c>model_prices_and_context_window.json</c>, read once on first use.
/// </summary>
public sealed class ModelPriceTable
{
    private const string ResourceName = "LiteAspire.Proxy.Spend.Pricing.model_prices.json";

    private static readonly Lazy<ModelPriceTable> s_shipped = new(() => Load(ShippedJson()));

    private readonly Dictionary<string, Entry> _entries;

    private ModelPriceTable(Dictionary<string, Entry> entries) => _entries = entries;

    /// <summary>The table shipped with the proxy.</summary>
    public static ModelPriceTable Shipped => s_shipped.Value;

    /// <summary>The model names the table prices.</summary>
    public IEnumerable<string> Models => _entries.Keys;

    /// <summary>The price fields of <paramref name="model"/> (an exact key, e.g. <c>gpt-4o</c> or <c>gemini/gemini-2.5-flash</c>), or null.</summary>
    public IReadOnlyDictionary<string, decimal>? Find(string model) =>
        _entries.TryGetValue(model, out var entry) ? entry.Prices : null;

    /// <summary>The <c>mode</c> of <paramref name="model"/> (<c>chat</c>, <c>embedding</c>, ...), or null.</summary>
    public string? ModeOf(string model) => _entries.TryGetValue(model, out var entry) ? entry.Mode : null;

    /// <summary>A table from JSON in LiteLLM's format; <c>sample_spec</c> and non-object entries are skipped.</summary>
    /// <exception cref="JsonException">Not a JSON object.</exception>
    public static ModelPriceTable Load(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var model in document.RootElement.EnumerateObject())
        {
            if (model.Name == "sample_spec" || model.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
            string? mode = null;
            foreach (var field in model.Value.EnumerateObject())
            {
                if (field.Value.ValueKind == JsonValueKind.Number && (ModelPrice.IsPriceField(field.Name) || field.Name == ModelPrice.MaxInputTokensField)
                    && decimal.TryParse(field.Value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var price))
                {
                    prices[field.Name] = price;
                }
                else if (field.Name == "mode" && field.Value.ValueKind == JsonValueKind.String)
                {
                    mode = field.Value.GetString();
                }
            }

            entries[model.Name] = new Entry(prices, mode);
        }

        return new ModelPriceTable(entries);
    }

    private static byte[] ShippedJson()
    {
        using var stream = typeof(ModelPriceTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded price table {ResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed record Entry(IReadOnlyDictionary<string, decimal> Prices, string? Mode);
}
