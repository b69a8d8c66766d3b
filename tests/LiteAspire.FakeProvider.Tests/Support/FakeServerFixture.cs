using System.Text;

namespace LiteAspire.FakeProvider.Tests.Support;

/// <summary>One in-process fake on a free loopback port, shared by the tests of the collection.</summary>
public sealed class FakeServerFixture : IAsyncLifetime
{
    private FakeProviderServer? _server;

    public FakeProviderServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _server = await FakeProviderApp.StartAsync();
        Client = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A POST of a JSON body with optional headers.</summary>
    public static HttpRequestMessage Post(string path, string json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            // Unvalidated, so SigV4's Authorization value passes as sent.
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}

[CollectionDefinition(Name)]
public sealed class FakeServerGroup : ICollectionFixture<FakeServerFixture>
{
    public const string Name = "fake server";
}
