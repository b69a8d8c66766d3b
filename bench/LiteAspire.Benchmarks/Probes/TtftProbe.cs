using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LiteAspire.Benchmarks.Probes;

/// <summary>
/// Time to first streamed token: sequential streaming chat requests, each timed from send to the first SSE line
/// carrying non-empty content. Prints <c>ttft_ms samples=N p50=.. p90=.. min=..</c> for bench/load.sh to read.
/// </summary>
public static class TtftProbe
{
    private const string Usage = "usage: ttft <url> [--count N] [--warmup N] [--model NAME] [--header 'Name: value']...";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Uri.TryCreate(args[0], UriKind.Absolute, out var url))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var count = 200;
        var warmup = 20;
        var model = "fake";
        var headers = new List<(string, string)>();
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--count":
                    count = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--warmup":
                    warmup = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--model":
                    model = args[i + 1];
                    break;
                case "--header":
                    var colon = args[i + 1].IndexOf(':', StringComparison.Ordinal);
                    headers.Add((args[i + 1][..colon].Trim(), args[i + 1][(colon + 1)..].Trim()));
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var body = $$"""{"model":"{{model}}","stream":true,"messages":[{"role":"user","content":"Say hello to the benchmark."}]}""";
        var samples = new List<double>(count);
        for (var i = 0; i < warmup + count; i++)
        {
            var elapsed = await TimeFirstTokenAsync(client, url, body, headers);
            if (elapsed is null)
            {
                Console.Error.WriteLine("ttft: a request failed or streamed no content; stopping.");
                return 1;
            }

            if (i >= warmup)
            {
                samples.Add(elapsed.Value);
            }
        }

        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ttft_ms samples={samples.Count} p50={Percentile(samples, 50):F3} p90={Percentile(samples, 90):F3} min={samples[0]:F3}"));
        return 0;
    }

    private static async Task<double?> TimeFirstTokenAsync(HttpClient client, Uri url, string body, List<(string Name, string Value)> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var start = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        double? first = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (first is null && line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"content\":\"", StringComparison.Ordinal)
                && !line.Contains("\"content\":\"\"", StringComparison.Ordinal))
            {
                first = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        // The rest of the stream is read so the connection is reused for the next sample.
        return first;
    }

    private static double Percentile(List<double> sorted, int percent) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}
