/**
 * The floor for a first frame: Ink and React alone, production build (the bundle defines
 * NODE_ENV as failsight's does), drawing one line.
 */
import {createElement} from 'react';
import {render, Text} from 'ink';

render(createElement(Text, null, 'hello, floor drawn'));
