namespace LiteAspire.Hosting.ApplicationModel;

/// <summary>
/// A value supplied from configuration (Parameters:name, env Parameters__name), or generated once and kept
/// in the state folder when the model gives a default.
/// </summary>
public sealed class ParameterResource(string name, bool secret, ParameterDefault? defaultValue) : Resource(name)
{
    private string? _value;

    /// <summary>Secrets are never printed.</summary>
    public bool Secret { get; } = secret;

    /// <summary>How to produce a value when configuration has none.</summary>
    public ParameterDefault? Default { get; } = defaultValue;

    /// <summary>The value; resolved when the application starts.</summary>
    public string Value => _value ?? throw new InvalidOperationException($"Parameter '{Name}' has not been resolved yet.");

    internal bool IsResolved => _value is not null;

    internal void Resolve(string value) => _value = value;
}

/// <summary>How a parameter gets a value when configuration has none.</summary>
public abstract class ParameterDefault
{
    /// <summary>Produces the value.</summary>
    public abstract string GetDefaultValue();
}

/// <summary>A random secret, generated once and kept in the state folder (Aspire's GenerateParameterDefault).</summary>
public sealed class GenerateParameterDefault : ParameterDefault
{
    /// <summary>Text put before the random part, e.g. "sk-" for a LiteLLM master key.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Number of random characters.</summary>
    public int MinLength { get; init; } = 24;

    /// <inheritdoc />
    public override string GetDefaultValue()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return Prefix + System.Security.Cryptography.RandomNumberGenerator.GetString(alphabet, MinLength);
    }
}
