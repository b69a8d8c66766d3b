using System.Text;

using LiteAspire.Proxy.Spend;

namespace LiteAspire.Proxy.Tests.Spend;

/// <summary>The disk journal that keeps spend events while Redis is away: what it keeps it replays once, then forgets.</summary>
public sealed class SpendJournalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("liteaspire-journal-").FullName;

    [Fact]
    public async Task Appended_ReplayedInOrderOnce_ThenTheSegmentsAreGone()
    {
        using var journal = new SpendJournal(_directory, maxBytes: 1 << 20);
        journal.Append([Event(1), Event(2)]);
        journal.Append([Event(3)]);
        Assert.True(journal.HasEvents);

        var sent = new List<string>();
        Assert.Equal(3, await journal.ReplayAsync(Collect(sent), chunk: 2, CancellationToken.None));
        Assert.Equal(["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], sent);
        Assert.False(journal.HasEvents);
        Assert.Empty(Directory.GetFiles(_directory));
        Assert.Equal(0, await journal.ReplayAsync(Collect(sent), chunk: 2, CancellationToken.None));
    }

    [Fact]
    public async Task ARefusedChunk_KeepsTheSegmentForTheNextTry()
    {
        using var journal = new SpendJournal(_directory, maxBytes: 1 << 20);
        journal.Append([Event(1), Event(2), Event(3)]);

        var calls = 0;
        Assert.Equal(2, await journal.ReplayAsync(_ => Task.FromResult(++calls == 1), chunk: 2, CancellationToken.None));
        Assert.True(journal.HasEvents);

        // The next replay sends the whole segment again: the spend writer skips what it already logged.
        var sent = new List<string>();
        Assert.Equal(3, await journal.ReplayAsync(Collect(sent), chunk: 2, CancellationToken.None));
        Assert.Equal(3, sent.Count);
        Assert.False(journal.HasEvents);
    }

    [Fact]
    public async Task FullJournal_RefusesAndCounts_NeverOverwrites()
    {
        using var journal = new SpendJournal(_directory, maxBytes: 12);
        journal.Append([Event(1), Event(2), Event(3)]);

        Assert.Equal(2, journal.Refused);
        var sent = new List<string>();
        await journal.ReplayAsync(Collect(sent), chunk: 10, CancellationToken.None);
        Assert.Equal(["{\"n\":1}"], sent);
    }

    [Fact]
    public async Task ASegmentLeftByAProcessThatDied_IsReplayedByTheNextJournalOnTheFolder()
    {
        using (var first = new SpendJournal(_directory, maxBytes: 1 << 20))
        {
            first.Append([Event(7)]);
        }

        using var next = new SpendJournal(_directory, maxBytes: 1 << 20);
        Assert.True(next.HasEvents);
        var sent = new List<string>();
        Assert.Equal(1, await next.ReplayAsync(Collect(sent), chunk: 10, CancellationToken.None));
        Assert.Equal(["{\"n\":7}"], sent);
    }

    [Fact]
    public async Task ASegmentAnotherProcessHolds_IsLeftAlone()
    {
        using var journal = new SpendJournal(_directory, maxBytes: 1 << 20);
        var held = Path.Combine(_directory, "spend-20261207000000000-1-000001.jsonl");
        await File.WriteAllTextAsync(held, "{\"n\":9}\n");
        var sent = new List<string>();
        using (new FileStream(held, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.Equal(0, await journal.ReplayAsync(Collect(sent), chunk: 10, CancellationToken.None));
        }

        Assert.Equal(1, await journal.ReplayAsync(Collect(sent), chunk: 10, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] Event(int n) => Encoding.UTF8.GetBytes($"{{\"n\":{n}}}");

    private static Func<IReadOnlyList<byte[]>, Task<bool>> Collect(List<string> sent) => chunk =>
    {
        sent.AddRange(chunk.Select(Encoding.UTF8.GetString));
        return Task.FromResult(true);
    };
}
