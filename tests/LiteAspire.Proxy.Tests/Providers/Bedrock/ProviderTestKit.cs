using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Tests.Providers.Bedrock;

/// <summary>Fixtures, calls and streams shared by the Bedrock, Cohere and Ollama adapter tests.</summary>
internal static class ProviderTestKit
{
    public static string FixtureText(string provider, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Providers", provider, "Fixtures", name));

    public static JsonNode Fixture(string provider, string name) => JsonNode.Parse(FixtureText(provider, name))!;

    public static JsonObject FixtureObject(string provider, string name) => (JsonObject)Fixture(provider, name);

    public static ResolvedDeployment Deployment(string provider, string model, string? apiBase = null, string? apiKey = null,
        Dictionary<string, object?>? parameters = null) => new()
    {
        ModelGroup = "group",
        Id = "deployment-1",
        Provider = provider,
        UpstreamModel = model,
        ApiBase = apiBase,
        ApiKey = apiKey,
        Params = parameters ?? [],
    };

    public static ChatCall Chat(ResolvedDeployment deployment, JsonObject request, bool dropParams = false) =>
        new() { Deployment = deployment, Request = request, DropParams = dropParams };

    public static async Task<string> BodyText(HttpRequestMessage request) => await request.Content!.ReadAsStringAsync();

    public static async Task<JsonObject> Body(HttpRequestMessage request) => (JsonObject)JsonNode.Parse(await BodyText(request))!;

    public static async Task<List<JsonObject>> Collect(IAsyncEnumerable<JsonObject> chunks)
    {
        var list = new List<JsonObject>();
        await foreach (var chunk in chunks)
        {
            list.Add(chunk);
        }

        return list;
    }

    public static void AssertJsonEqual(JsonNode expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual?.ToJsonString()}");
}

/// <summary>A read-only stream that hands out at most <c>maxRead</c> bytes per read, the way a network splits frames.</summary>
internal sealed class ChunkedReadStream(byte[] data, int maxRead) : Stream
{
    private int _position;

    public int Reads { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => data.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(Math.Min(maxRead, buffer.Length), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        Reads++;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A clock stopped at one instant, so SigV4 signatures are reproducible.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
