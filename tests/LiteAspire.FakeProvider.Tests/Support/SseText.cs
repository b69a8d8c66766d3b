namespace LiteAspire.FakeProvider.Tests.Support;

/// <summary>Splits a whole SSE body into (event, data) pairs, a deliberately independent reading of the format.</summary>
public static class SseText
{
    public static List<(string? Event, string Data)> Parse(string body)
    {
        var events = new List<(string?, string)>();
        foreach (var block in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            string? data = null;
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = data is null ? line["data: ".Length..] : data + "\n" + line["data: ".Length..];
                }
            }

            if (data is not null)
            {
                events.Add((name, data));
            }
        }

        return events;
    }
}
