namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>Picks items in proportion to integer weights; the same draws give the same picks.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] items;
    private readonly int[] cumulativeWeights;

    public WeightedChoice(IEnumerable<(T Item, int Weight)> weightedItems)
    {
        var pairs = weightedItems.ToArray();
        if (pairs.Length == 0 || pairs.Any(pair => pair.Weight <= 0))
        {
            throw new ArgumentException("Weighted choice needs at least one item and only positive weights.");
        }

        items = pairs.Select(pair => pair.Item).ToArray();
        cumulativeWeights = new int[pairs.Length];
        var total = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            total += pairs[i].Weight;
            cumulativeWeights[i] = total;
        }
    }

    public T Pick(Random random)
    {
        var draw = random.Next(cumulativeWeights[^1]);
        var index = Array.BinarySearch(cumulativeWeights, draw + 1);
        return items[index >= 0 ? index : ~index];
    }
}
