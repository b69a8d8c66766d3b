using LiteAspire.Hosting.ApplicationModel;

namespace LiteAspire.Hosting.Redis;

/// <summary>A Redis server, run from the machine's redis-server in run mode.</summary>
public sealed class RedisResource(string name)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    /// <summary>The password Redis requires (requirepass).</summary>
    public ParameterResource PasswordParameter { get; internal set; } = null!;

    /// <summary>The TCP endpoint.</summary>
    public EndpointAnnotation PrimaryEndpoint => Annotations.OfType<EndpointAnnotation>().First();

    /// <summary>True when no redis-server was found: clients use their in-process cache and queue.</summary>
    public bool UsesEmbeddedFallback { get; internal set; }

    /// <inheritdoc />
    /// <remarks>Null in the embedded fallback, so references inject nothing and services pick their in-process default.</remarks>
    public string? GetConnectionString() => UsesEmbeddedFallback
        ? null
        : $"127.0.0.1:{PrimaryEndpoint.AllocatedPorts[0]},password={PasswordParameter.Value}";
}
