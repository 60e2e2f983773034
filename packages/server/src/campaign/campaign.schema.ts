import { Type, type TSchema } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

// Request and response shapes of the campaign API. Lists of allowed values (moderation modes,
// event kinds, report reasons, moderation actions) are checked by the service with Norwegian messages.

const Open = <T extends Record<string, TSchema>>(props: T) => Type.Object(props, { additionalProperties: true });
const Id = Type.String({ minLength: 1, maxLength: 100 });

export const Theme = Open({ id: Type.String(), titleNb: Type.String(), titleEn: Nullable(Type.String()), textNb: Type.String(), textEn: Nullable(Type.String()), moderation: Type.String(), open: Type.Boolean(), threads: Type.Integer() });
export const ThemeBody = Type.Object(
  {
    titleNb: Type.String({ maxLength: 200 }),
    titleEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    textNb: Type.String({ maxLength: 4000 }),
    textEn: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    moderation: Type.String({ maxLength: 10, description: 'pre: held until approved; post: visible until removed' }),
    open: Type.Boolean(),
  },
  { additionalProperties: false },
);

const Post = Open({ id: Type.String(), parentId: Nullable(Type.String()), title: Nullable(Type.String()), displayName: Type.String(), body: Type.String(), createdAt: Type.String(), byStaff: Type.Boolean() });
export const ThemeThreads = Type.Object({ theme: Theme, threads: Type.Array(Open({ id: Type.String(), replies: Type.Array(Post) })), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });

export const Event = Open({ id: Type.String(), themeId: Nullable(Type.String()), kind: Type.String(), title: Type.String(), description: Nullable(Type.String()), place: Type.String(), startsAt: Type.String(), endsAt: Type.String(), capacity: Type.Integer(), seatsTaken: Type.Integer(), seatsLeft: Type.Integer(), cancelled: Type.Boolean() });
export const EventPage = Type.Object({ items: Type.Array(Event), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });
export const EventsQuery = Type.Object({ themeId: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })), offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })) });
export const EventBody = Type.Object(
  {
    themeId: Type.Optional(Nullable(Id)),
    kind: Type.String({ maxLength: 20, description: 'meeting, workshop or repair_day' }),
    title: Type.String({ maxLength: 200 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    place: Type.String({ maxLength: 200 }),
    startsAt: Type.String({ maxLength: 40, description: 'ISO date and time' }),
    endsAt: Type.String({ maxLength: 40, description: 'ISO date and time' }),
    capacity: Type.Integer(),
    cancelled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const RegistrationBody = Type.Object({ name: Type.String({ maxLength: 100, description: 'a name or nickname' }), email: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'optional, for a confirmation' }))), seats: Type.Integer({ minimum: 1, maximum: 50 }) }, { additionalProperties: false });
export const RegistrationResult = Type.Object({ id: Type.String(), eventId: Type.String(), seats: Type.Integer(), cancelCode: Type.String({ description: 'shown once; only its hash is stored' }), seatsLeft: Type.Integer() });
export const CancelBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export const CancelResult = Type.Object({ eventId: Type.String(), seats: Type.Integer() });
export const Registrations = Type.Object({ event: Event, items: Type.Array(Open({ id: Type.String(), name: Type.String(), email: Nullable(Type.String()), seats: Type.Integer(), status: Type.String(), createdAt: Type.String() })) });

export const FormToken = Type.Object({ token: Type.String(), minSeconds: Type.Number() });
export const PostBody = Type.Object(
  {
    parentId: Type.Optional(Nullable(Id)),
    title: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    displayName: Type.String({ maxLength: 100 }),
    body: Type.String({ maxLength: 8000 }),
    acceptedConduct: Type.Boolean({ description: 'the code of conduct was shown and accepted' }),
    formToken: Type.String({ maxLength: 100, description: 'from GET /api/public/campaign/form-token when the form was shown' }),
    website: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'leave empty (a field hidden from people)' }))),
    participant: Type.Optional(Nullable(Type.String({ maxLength: 100, description: "the browser's random participant id; only its keyed hash is stored" }))),
  },
  { additionalProperties: false },
);
export const PostResult = Type.Object({ id: Type.String(), status: Type.String(), message: Type.String() });
export const ReportBody = Type.Object({ reason: Type.String({ maxLength: 40 }), note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }, { additionalProperties: false });
export const ReportResult = Type.Object({ id: Type.String() });

export const Queue = Type.Object({
  items: Type.Array(Type.Object({ post: Open({ id: Type.String(), status: Type.String(), themeTitle: Type.String() }), reports: Type.Array(Open({ id: Type.String(), reason: Type.String() })) })),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export const ModerationBody = Type.Object({ action: Type.String({ maxLength: 20, description: 'approve, hide, restore or dismiss' }), reason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }, { additionalProperties: false });
export const ModerationResult = Type.Object({ id: Type.String(), status: Type.String() });

export const StatsQuery = Type.Object({ interval: Type.Optional(Type.String({ maxLength: 10 })), from: Type.Optional(Type.String({ maxLength: 10 })), to: Type.Optional(Type.String({ maxLength: 10 })) });
const StatsRow = Type.Object({ period: Type.String(), eventSeats: Type.Integer(), posters: Type.Integer(), participants: Type.Integer(), posts: Type.Integer(), calculatorResults: Type.Integer(), pledges: Type.Integer() });
export const Stats = Type.Object({ interval: Type.String(), from: Type.String(), to: Type.String(), rows: Type.Array(StatsRow), totals: Type.Object({ eventSeats: Type.Integer(), posts: Type.Integer(), calculatorResults: Type.Integer(), pledges: Type.Integer() }) });
