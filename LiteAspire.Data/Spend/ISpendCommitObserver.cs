namespace LiteAspire.Data.Spend;

/// <summary>Told, after a spend batch has committed, which counters it raised (budget alerts watch these).</summary>
public interface ISpendCommitObserver
{
    /// <summary>Called once per committed batch with every counter it raised; must not throw for a failed notification.</summary>
    ValueTask OnCommittedAsync(IReadOnlyList<CounterChange> changes, CancellationToken cancellationToken);
}
