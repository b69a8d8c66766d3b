using System.Globalization;

namespace LiteAspire.Proxy.Spend;

/// <summary>The per-token rates a request is billed at: the base rates, or one tier's (<c>*_above_&lt;N&gt;k_tokens</c>).</summary>
/// <param name="Input">Per prompt token.</param>
/// <param name="Output">Per completion token.</param>
/// <param name="Reasoning">Per reasoning token, when it differs from <paramref name="Output"/>.</param>
/// <param name="CacheRead">Per prompt-cache read token, when priced apart.</param>
/// <param name="CacheCreation">Per prompt-cache write token, when priced apart.</param>
public readonly record struct TokenRates(decimal Input, decimal Output, decimal? Reasoning, decimal? CacheRead, decimal? CacheCreation);

/// <summary>
/// One model's prices, as LiteLLM's <c>model_prices_and_context_window.json</c> names them (USD per token, image, second or
/// character), with the price tiers worked out once so a request only picks one.
/// </summary>
public sealed class ModelPrice
{
    private const string AbovePrefix = "_above_";
    private const string AboveSuffix = "k_tokens";

    // Highest threshold first: a request takes the first tier its prompt exceeds.
    private readonly (long Threshold, TokenRates Rates)[] _tiers;

    private ModelPrice(IReadOnlyDictionary<string, decimal> fields)
    {
        Fields = fields;
        Base = RatesAbove(null, below: default);
        var thresholds = new SortedSet<long>();
        foreach (var name in fields.Keys)
        {
            if (TierOf(name) is { } thousands)
            {
                thresholds.Add(thousands);
            }
        }

        // Built from the lowest tier up, so a tier that does not reprice a field keeps the tier below's price for it.
        _tiers = new (long, TokenRates)[thresholds.Count];
        var i = thresholds.Count;
        var below = Base;
        foreach (var thousands in thresholds)
        {
            below = RatesAbove(thousands, below);
            _tiers[--i] = (thousands * 1000, below);
        }

        InputPerImage = Field("input_cost_per_image");
        OutputPerImage = Field("output_cost_per_image");
        InputPerSecond = Field("input_cost_per_second");
        OutputPerSecond = Field("output_cost_per_second");
        InputPerCharacter = Field("input_cost_per_character");
        OutputPerCharacter = Field("output_cost_per_character");
    }

    /// <summary>The table's <c>max_input_tokens</c> field (the context window pre-call checks use), kept with the prices.</summary>
    public const string MaxInputTokensField = "max_input_tokens";

    /// <summary>Every price field, by its LiteLLM name (and <see cref="MaxInputTokensField"/> when the table has it).</summary>
    public IReadOnlyDictionary<string, decimal> Fields { get; }

    /// <summary>The rates below every threshold.</summary>
    public TokenRates Base { get; }

    /// <summary><c>input_cost_per_image</c>.</summary>
    public decimal? InputPerImage { get; }

    /// <summary><c>output_cost_per_image</c>: per image generated.</summary>
    public decimal? OutputPerImage { get; }

    /// <summary><c>input_cost_per_second</c>: per second of audio transcribed.</summary>
    public decimal? InputPerSecond { get; }

    /// <summary><c>output_cost_per_second</c>.</summary>
    public decimal? OutputPerSecond { get; }

    /// <summary><c>input_cost_per_character</c>: per character of text spoken.</summary>
    public decimal? InputPerCharacter { get; }

    /// <summary><c>output_cost_per_character</c>.</summary>
    public decimal? OutputPerCharacter { get; }

    /// <summary>The prices in <paramref name="fields"/> (LiteLLM field name → USD).</summary>
    public static ModelPrice From(IReadOnlyDictionary<string, decimal> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new ModelPrice(fields);
    }

    /// <summary>
    /// The rates for a request of <paramref name="promptTokens"/>: a <c>*_above_&lt;N&gt;k_tokens</c> tier applies to the whole
    /// request once the prompt exceeds N×1000 tokens, as LiteLLM bills it.
    /// </summary>
    public TokenRates RatesFor(long promptTokens)
    {
        foreach (var (threshold, rates) in _tiers)
        {
            if (promptTokens > threshold)
            {
                return rates;
            }
        }

        return Base;
    }

    /// <summary>A price field by its LiteLLM name, or null.</summary>
    public decimal? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether <paramref name="name"/> is a price field (LiteLLM's all carry "cost" in their name).</summary>
    public static bool IsPriceField(string name) => name.Contains("cost", StringComparison.Ordinal);

    /// <summary>A price given in config (YAML number, string, or JSON value) as a decimal, or null.</summary>
    public static decimal? ParsePrice(object? value) => value switch
    {
        null => null,
        decimal d => d,
        double d when double.IsFinite(d) => (decimal)d,
        float f when float.IsFinite(f) => (decimal)f,
        long l => l,
        int i => i,
        _ => decimal.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null,
    };

    // The base rates (thousands null), or a tier's: its own fields over the rates of the tier below.
    private TokenRates RatesAbove(long? thousands, TokenRates below)
    {
        if (thousands is not { } n)
        {
            return new TokenRates(Field("input_cost_per_token") ?? 0m, Field("output_cost_per_token") ?? 0m, Field("output_cost_per_reasoning_token"),
                Field("cache_read_input_token_cost"), Field("cache_creation_input_token_cost"));
        }

        return new TokenRates(
            Tier("input_cost_per_token", n) ?? below.Input,
            Tier("output_cost_per_token", n) ?? below.Output,
            Tier("output_cost_per_reasoning_token", n) ?? below.Reasoning,
            Tier("cache_read_input_token_cost", n) ?? below.CacheRead,
            Tier("cache_creation_input_token_cost", n) ?? below.CacheCreation);
    }

    private decimal? Tier(string name, long thousands) =>
        Field(string.Create(CultureInfo.InvariantCulture, $"{name}{AbovePrefix}{thousands}{AboveSuffix}"));

    private static long? TierOf(string name)
    {
        if (!name.EndsWith(AboveSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var start = name.LastIndexOf(AbovePrefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var digits = name.AsSpan(start + AbovePrefix.Length, name.Length - start - AbovePrefix.Length - AboveSuffix.Length);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var thousands) ? thousands : null;
    }
}
