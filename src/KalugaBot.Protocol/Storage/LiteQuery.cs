using LiteDB;

namespace KalugaBot.Protocol.Storage;

/// <summary>
/// Parameterised LiteDB filters. LiteDB's <c>Query.EQ/GT/Contains…</c> write the value into the expression text, and LiteDB
/// parses, compiles (JIT) and caches for the life of the process one expression per distinct text: every new conversation
/// id or timestamp cost a compilation and stayed in memory (an e-mail searched for erasure too). Here the text is fixed
/// per field and the value travels as a parameter, so each filter compiles once.
/// </summary>
public static class LiteQuery
{
    public static BsonExpression Equal(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    public static BsonExpression Less(string field, BsonValue value) => BsonExpression.Create($"$.{field} < @0", value);

    public static BsonExpression AtLeast(string field, BsonValue value) => BsonExpression.Create($"$.{field} >= @0", value);

    /// <summary>From <paramref name="first"/> to <paramref name="last"/>, both included: an index range that stops at the
    /// end (LiteDB reads "&gt; a AND &lt; b" as a seek on one side and a filter on the other, to the end of the index).</summary>
    public static BsonExpression InRange(string field, BsonValue first, BsonValue last) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", first, last);

    /// <summary>String field containing <paramref name="text"/> (LIKE %text%).</summary>
    public static BsonExpression Contains(string field, string text) => BsonExpression.Create($"$.{field} LIKE @0", "%" + text + "%");
}
