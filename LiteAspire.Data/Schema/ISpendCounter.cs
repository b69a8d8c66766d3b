namespace LiteAspire.Data.Schema;

/// <summary>A row with a spend counter the spend writer adds to (keys, users, teams, organizations, end users, tags).</summary>
public interface ISpendCounter
{
    /// <summary>Spend so far (in the current period, where the row has one).</summary>
    double Spend { get; set; }
}
