import { useState } from 'react';

export interface Position {
  lat: number;
  lon: number;
}

const STORAGE_KEY = 'omstilling.foodwaste.near';

/** Reads the position the browser (a phone's GPS) reports; rejects with a key of the reason. */
export function locate(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('unavailable'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: Math.round(p.coords.latitude * 1e5) / 1e5, lon: Math.round(p.coords.longitude * 1e5) / 1e5 }),
      (e) => reject(new Error(e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable')),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
    );
  });
}

/** The receiver's chosen position and radius, kept in this browser only (never sent anywhere but the offers query). */
export function useNear() {
  const [state, setState] = useState<{ position: Position | null; withinKm: number | null }>(() => {
    try {
      const v = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as { position: Position | null; withinKm: number | null } | null;
      if (v && (v.position === null || (Number.isFinite(v.position.lat) && Number.isFinite(v.position.lon)))) return v;
    } catch {
      // Unreadable or blocked storage: start without a position.
    }
    return { position: null, withinKm: null };
  });
  const save = (next: typeof state) => {
    setState(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Not kept; the choice holds for this page.
    }
  };
  return { ...state, setPosition: (position: Position | null) => save({ ...state, position }), setWithinKm: (withinKm: number | null) => save({ ...state, withinKm }) };
}
