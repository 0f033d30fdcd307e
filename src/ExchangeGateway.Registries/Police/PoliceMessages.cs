using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Hosting;
using Google.Protobuf.WellKnownTypes;

namespace ExchangeGateway.Registries.Police;

/// <summary>Maps police registry records to the <c>police.v1</c> messages.</summary>
internal static class PoliceMessages
{
    public static V1.ListCrossingsResponse Crossings(Person person, IReadOnlyList<BorderCrossingRecord> crossings)
    {
        var response = new V1.ListCrossingsResponse
        {
            DocumentNumber = person.DocumentNumber,
            Nationality = person.Nationality,
            Surname = person.Surname,
            GivenNames = person.GivenNames,
        };
        response.Crossings.AddRange(crossings.Select(Crossing));
        return response;
    }

    public static V1.CheckAlertsResponse Alerts(Person person, IReadOnlyList<AlertRecord> alerts)
    {
        var response = new V1.CheckAlertsResponse
        {
            DocumentNumber = person.DocumentNumber,
            Nationality = person.Nationality,
            Surname = person.Surname,
            GivenNames = person.GivenNames,
            HasAlerts = alerts.Count > 0,
        };
        response.Alerts.AddRange(alerts.Select(Alert));
        return response;
    }

    private static V1.BorderCrossing Crossing(BorderCrossingRecord crossing) => new()
    {
        CrossingId = crossing.CrossingId,
        CrossedAt = Timestamp.FromDateTimeOffset(crossing.CrossedAt),
        Direction = crossing.Direction switch
        {
            CrossingDirection.Entry => V1.Direction.Entry,
            CrossingDirection.Exit => V1.Direction.Exit,
            _ => V1.Direction.Unspecified,
        },
        CrossingPoint = crossing.CrossingPoint,
        NeighbouringState = crossing.NeighbouringState,
        TransportMode = crossing.TransportMode switch
        {
            TransportMode.Road => V1.TransportMode.Road,
            TransportMode.Rail => V1.TransportMode.Rail,
            TransportMode.Air => V1.TransportMode.Air,
            _ => V1.TransportMode.Unspecified,
        },
    };

    private static V1.Alert Alert(AlertRecord alert) => new()
    {
        AlertId = alert.AlertId,
        AlertType = alert.Type switch
        {
            AlertType.WantedPerson => V1.AlertType.WantedPerson,
            AlertType.StolenDocument => V1.AlertType.StolenDocument,
            AlertType.EntryBan => V1.AlertType.EntryBan,
            _ => V1.AlertType.Unspecified,
        },
        IssuingAuthority = alert.IssuingAuthority,
        IssuedOn = IsoDates.Format(alert.IssuedOn),
        ValidUntil = IsoDates.Format(alert.ValidUntil),
        Reference = alert.Reference,
        Action = alert.Action,
    };
}
