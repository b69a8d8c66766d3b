using System.Net.Http.Headers;

using LiteAspire.FakeProvider;

namespace LiteAspire.Proxy.Tests.Routing;

/// <summary>A real proxy in memory with the given config.yaml (<c>$A</c>, <c>$B</c>... replaced by fake upstream addresses), and a master-key client.</summary>
internal sealed class RoutedProxy : IAsyncDisposable
{
    public const string MasterKey = "sk-router-master-1234";

    private RoutedProxy(string yaml, IReadOnlyDictionary<string, string?> settings)
    {
        // A config's own general_settings lines (indented under "general_settings:") join the master key's section.
        const string Section = "general_settings:\n";
        var own = yaml.StartsWith(Section, StringComparison.Ordinal) ? yaml[Section.Length..] : yaml;
        Factory = ProxyFactory.FromYaml(Section + "  master_key: " + MasterKey + "\n" + own, settings);
        Client = Factory.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MasterKey);
    }

    public ProxyFactory Factory { get; }

    public HttpClient Client { get; }

    /// <summary>Starts a proxy whose config names fakes as <c>$A</c>, <c>$B</c>, ... (their base addresses, ending in <c>/v1</c>).</summary>
    public static RoutedProxy Start(string yaml, IReadOnlyList<FakeProviderServer> fakes, IReadOnlyDictionary<string, string?>? settings = null)
    {
        for (var i = 0; i < fakes.Count; i++)
        {
            yaml = yaml.Replace("$" + (char)('A' + i), fakes[i].BaseAddress + "v1", StringComparison.Ordinal);
        }

        return new RoutedProxy(yaml, settings ?? new Dictionary<string, string?>());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
