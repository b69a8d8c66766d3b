using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LiteAspire.Proxy.Tests;

/// <summary>Starts the real proxy in memory, optionally with settings given as if on the command line.</summary>
public sealed class ProxyFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ProxyFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    internal ProxyFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach Program.cs as command-line arguments, before it reads --config or DATABASE_URL.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
