// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A hostile token: during `transferFrom` it calls `target` with a stored payload (e.g. another
/// purchase), then records the outcome and either swallows or bubbles a failure.
contract ReentrantToken is ERC20 {
    address public target;
    bytes public payload;
    bool public bubble;
    bool public attempted;
    bool public reentryOk;
    bytes public reentryError;

    constructor() ERC20("Reentrant", "RE") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// Arm one re-entry on the next `transferFrom`.
    function arm(address target_, bytes calldata payload_, bool bubble_) external {
        target = target_;
        payload = payload_;
        bubble = bubble_;
    }

    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        address t = target;
        if (t != address(0)) {
            target = address(0);
            attempted = true;
            (bool ok, bytes memory ret) = t.call(payload);
            reentryOk = ok;
            reentryError = ret;
            if (!ok && bubble) {
                assembly ("memory-safe") {
                    revert(add(ret, 0x20), mload(ret))
                }
            }
        }
        return super.transferFrom(from, to, value);
    }
}
