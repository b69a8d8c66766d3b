namespace LiteAspire.Data.Schema;

/// <summary>A row with its own spend and budget period (keys, users, teams): what the spend writer resets and adds to.</summary>
public interface IBudgetPeriod : ISpendCounter
{
    /// <summary>The period's length, e.g. <c>30d</c>.</summary>
    string? BudgetDuration { get; }

    /// <summary>When the current period ends (UTC).</summary>
    DateTime? BudgetResetAt { get; set; }
}
