using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests;

/// <summary>Starts the real proxy in memory, optionally with settings given as if on the command line and test services.</summary>
public sealed class ProxyFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _testServices;

    public ProxyFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    internal ProxyFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? testServices = null)
    {
        _settings = settings;
        _testServices = testServices;
    }

    private string? _configFile;

    /// <summary>
    /// A proxy on a config.yaml given as text (written to a temporary file, removed on dispose), with <paramref name="settings"/>
    /// as host settings and <paramref name="testServices"/> replacing services.
    /// </summary>
    internal static ProxyFactory FromYaml(string yaml, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"liteaspire-config-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["CONFIG_FILE_PATH"] = path };
        return new ProxyFactory(all, testServices) { _configFile = path };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_configFile is not null)
        {
            File.Delete(_configFile);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach Program.cs as command-line arguments, before it reads --config or DATABASE_URL.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
    }
}
