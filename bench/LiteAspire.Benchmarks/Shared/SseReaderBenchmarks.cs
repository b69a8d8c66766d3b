using System.Text;

using BenchmarkDotNet.Attributes;

using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Benchmarks.Shared;

/// <summary>Reading an upstream SSE stream into events: the per-chunk cost every streaming adapter pays.</summary>
[MemoryDiagnoser]
public class SseReaderBenchmarks
{
    private byte[] _stream = [];

    /// <summary>Number of content chunks in the stream (a short and a long answer).</summary>
    [Params(20, 500)]
    public int Chunks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Chunks; i++)
        {
            text.Append("data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\",")
                .Append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word ").Append(i).Append("\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        }

        text.Append("data: [DONE]\n\n");
        _stream = Encoding.UTF8.GetBytes(text.ToString());
    }

    [Benchmark]
    public async Task<int> ReadAllEvents()
    {
        using var stream = new MemoryStream(_stream, writable: false);
        var count = 0;
        await foreach (var sse in SseReader.ReadAsync(stream, CancellationToken.None))
        {
            count += sse.Data.Length;
        }

        return count;
    }
}
