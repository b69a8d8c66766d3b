using System.Reflection;

namespace LiteAspire.Proxy;

/// <summary>The proxy's version, reported where LiteLLM reports <c>litellm_version</c>.</summary>
public static class ProxyVersion
{
    /// <summary>The assembly's informational version without the source-control suffix, e.g. "0.1.0".</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var version = typeof(ProxyVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
