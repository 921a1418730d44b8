// The one way pages build markup: htm tagged templates over Preact, no build step.
import { h, render, Fragment, createContext } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
export { h, render, Fragment, createContext };
export {
  useState, useEffect, useLayoutEffect, useMemo, useCallback, useRef, useReducer, useContext, useId,
} from 'preact/hooks';
