// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/**
 * @title LicenseExchange
 * @notice Settles Consentry licences: a buyer presents one post's offer (a leaf), its Merkle proof and the batch
 * root signed once by the licensor (EIP-712, EOA or ERC-1271 wallet), and pays the price in the offer's ERC-20
 * token straight to the licensor. The `Licensed` events are the receipts the extension sums as earnings.
 *
 * @dev Tokens move buyer -> licensor and buyer -> fee recipient with `transferFrom`; this contract never holds
 * a balance. So a fee-on-transfer (or rebasing) token cannot break any accounting here: there is none to break.
 * What such a token takes is taken from what the licensor receives, a cost of the token the licensor chose to
 * price in; `Licensed.amount` is the price the buyer paid, not what arrived.
 *
 * The reentrancy guard uses transient storage (EIP-1153, Cancun), which every chain we target supports; it
 * costs a fraction of the storage-slot guard and sits on every purchase.
 */
contract LicenseExchange is EIP712, Ownable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// One post's offer. Field order and types mirror LEAF_TYPES in src/core/offer/types.ts exactly.
    struct OfferLeaf {
        address licensor;
        string platform;
        string postId;
        string url;
        bytes32 contentHash;
        bytes32 termsHash;
        uint256 price;
        address token;
        uint256 chainId;
        uint64 validUntil;
        uint64 licenseDuration;
        bytes32 salt;
    }

    /// What the licensor signs once per batch (EIP-712 `OfferBatch`). `count` and `issuedAt` are signed for the
    /// registry's sake; on chain the proof alone ties a leaf to `root`.
    struct OfferBatch {
        address licensor;
        bytes32 root;
        uint256 count;
        uint256 counter;
        uint64 issuedAt;
    }

    /// A signed withdrawal of offers (EIP-712 `Revocation`). Revoking is idempotent, so `issuedAt` needs no check.
    struct Revocation {
        address licensor;
        bytes32[] offerIds;
        uint64 issuedAt;
    }

    /// One licence to buy in `purchaseMany`.
    struct Purchase {
        OfferLeaf leaf;
        bytes32[] proof;
        OfferBatch batch;
        bytes signature;
    }

    bytes32 public constant OFFER_BATCH_TYPEHASH =
        keccak256("OfferBatch(address licensor,bytes32 root,uint256 count,uint256 counter,uint64 issuedAt)");
    bytes32 public constant REVOCATION_TYPEHASH =
        keccak256("Revocation(address licensor,bytes32[] offerIds,uint64 issuedAt)");

    /// The protocol fee can never exceed 10%: licensors priced their posts trusting roughly what they get.
    uint16 public constant MAX_FEE_BPS = 1_000;

    address public feeRecipient;
    uint16 public feeBps;

    /// licensor => cancel-all counter; only batches signed at the current value are valid.
    mapping(address licensor => uint256) public counters;
    /// Keyed by licensor first, so nobody can revoke an offer that is not theirs.
    mapping(address licensor => mapping(bytes32 offerId => bool)) private _revoked;
    mapping(bytes32 offerId => mapping(address buyer => bool)) private _licensed;

    event Licensed(
        bytes32 indexed offerId,
        address indexed licensor,
        address indexed buyer,
        address token,
        uint256 amount,
        uint64 licenseExpiresAt
    );
    event Revoked(bytes32 indexed offerId, address indexed licensor);
    event CounterIncremented(address indexed licensor, uint256 counter);
    event FeeChanged(address indexed feeRecipient, uint16 feeBps);

    error LicensorMismatch(address leafLicensor, address batchLicensor);
    error WrongChain(uint256 offerChainId, uint256 chainId);
    error OfferExpired(bytes32 offerId, uint64 validUntil);
    error BatchCancelled(uint256 batchCounter, uint256 currentCounter);
    error InvalidProof(bytes32 offerId);
    error OfferRevoked(bytes32 offerId);
    error AlreadyLicensed(bytes32 offerId, address buyer);
    error InvalidSignature();
    error NoPurchases();
    error FeeTooHigh(uint16 feeBps, uint16 maxFeeBps);
    error ZeroFeeRecipient();

    /// Money owed by the buyer, summed over consecutive purchases that share a token and licensor.
    struct Pending {
        address token;
        address licensor;
        uint256 toLicensor;
        uint256 toFee;
    }

    /// @param initialOwner may set the protocol fee (0 at deployment).
    constructor(address initialOwner) EIP712("Consentry", "1") Ownable(initialOwner) {}

    // ─── buying ────────────────────────────────────────────────────────────────────────────────

    /**
     * @notice Buy a licence to one offer; the caller pays `leaf.price` of `leaf.token` (approve first).
     * @param leaf the offer, exactly as signed into the batch's tree
     * @param proof Merkle proof from `offerId(leaf)` to `batch.root` (StandardMerkleTree)
     * @param batch the batch the licensor signed
     * @param signature the licensor's EIP-712 signature of `batch` (65-byte ECDSA, or anything their ERC-1271 wallet accepts)
     */
    function purchase(
        OfferLeaf calldata leaf,
        bytes32[] calldata proof,
        OfferBatch calldata batch,
        bytes calldata signature
    ) external nonReentrant {
        bytes32 digest = hashOfferBatch(batch);
        _checkSignature(batch.licensor, digest, signature);
        (uint256 toLicensor, uint256 toFee) = _license(leaf, proof, batch);
        _pay(Pending(leaf.token, leaf.licensor, toLicensor, toFee));
    }

    /**
     * @notice Buy several licences in one transaction; all or nothing. Each batch's signature is checked once
     * per call however many of its leaves are bought, and consecutive purchases paying the same licensor in the
     * same token are settled with one transfer, so order purchases by batch for the lowest gas.
     * @param purchases leaf, proof, batch and signature for each licence
     */
    function purchaseMany(Purchase[] calldata purchases) external nonReentrant {
        uint256 n = purchases.length;
        if (n == 0) revert NoPurchases();
        // Digests whose signature this call has already checked. Memory, not transient storage: the cache must
        // not outlive the call (an ERC-1271 wallet may change its mind later in the same transaction).
        bytes32[] memory verified = new bytes32[](n);
        uint256 verifiedCount;
        Pending memory owed;
        for (uint256 i; i < n; ++i) {
            Purchase calldata p = purchases[i];
            bytes32 digest = hashOfferBatch(p.batch);
            if (!_contains(verified, verifiedCount, digest)) {
                _checkSignature(p.batch.licensor, digest, p.signature);
                verified[verifiedCount++] = digest;
            }
            (uint256 toLicensor, uint256 toFee) = _license(p.leaf, p.proof, p.batch);
            if (p.leaf.token != owed.token || p.leaf.licensor != owed.licensor) {
                _pay(owed);
                owed = Pending(p.leaf.token, p.leaf.licensor, 0, 0);
            }
            owed.toLicensor += toLicensor;
            owed.toFee += toFee;
        }
        _pay(owed);
    }

    // ─── revoking ──────────────────────────────────────────────────────────────────────────────

    /**
     * @notice Withdraw offers with the licensor's signature; anyone may relay it (the registry does, so the
     * licensor pays no gas). Replaying it is harmless: revoked offers stay revoked.
     * @param rev the licensor and the offer ids to withdraw
     * @param signature the licensor's EIP-712 signature of `rev`
     */
    function revokeBySig(Revocation calldata rev, bytes calldata signature) external {
        _checkSignature(rev.licensor, hashRevocation(rev), signature);
        _revoke(rev.licensor, rev.offerIds);
    }

    /**
     * @notice Withdraw the caller's own offers. Ids of offers that are not the caller's have no effect.
     * @param offerIds offer ids (`offerId(leaf)`) to withdraw
     */
    function revoke(bytes32[] calldata offerIds) external {
        _revoke(msg.sender, offerIds);
    }

    /**
     * @notice Cancel every batch the caller has signed so far. The counter jumps by a quasi-random amount, as in
     * Seaport, so a batch signed in advance with a future counter (say, by a phishing page) cannot become valid.
     * @return counter the caller's new counter, to sign future batches with
     */
    function incrementCounter() external returns (uint256 counter) {
        counter = counters[msg.sender] + 1 + (uint256(blockhash(block.number - 1)) >> 128);
        counters[msg.sender] = counter;
        emit CounterIncremented(msg.sender, counter);
    }

    // ─── owner ─────────────────────────────────────────────────────────────────────────────────

    /**
     * @notice Set the protocol fee taken from each price; at most `MAX_FEE_BPS`. Owner only.
     * @param recipient receives the fee; may be zero only when `bps` is 0
     * @param bps fee in basis points of the price
     */
    function setFee(address recipient, uint16 bps) external onlyOwner {
        if (bps > MAX_FEE_BPS) revert FeeTooHigh(bps, MAX_FEE_BPS);
        if (bps != 0 && recipient == address(0)) revert ZeroFeeRecipient();
        feeRecipient = recipient;
        feeBps = bps;
        emit FeeChanged(recipient, bps);
    }

    // ─── views ─────────────────────────────────────────────────────────────────────────────────

    /// @notice The offer's id: its StandardMerkleTree leaf hash, keccak256(keccak256(abi.encode(fields...))).
    function offerId(OfferLeaf calldata leaf) public pure returns (bytes32 id) {
        // abi.encode of the struct is a 32-byte offset word followed by exactly abi.encode(field1, ..., field12),
        // which is what StandardMerkleTree hashes; skipping that word avoids twelve stack slots.
        bytes memory encoded = abi.encode(leaf);
        assembly ("memory-safe") {
            mstore(0x00, keccak256(add(encoded, 0x40), sub(mload(encoded), 0x20)))
            id := keccak256(0x00, 0x20)
        }
    }

    /// @notice The EIP-712 digest the licensor signs for `batch` on this chain and contract.
    function hashOfferBatch(OfferBatch calldata batch) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(OFFER_BATCH_TYPEHASH, batch.licensor, batch.root, batch.count, batch.counter, batch.issuedAt)
            )
        );
    }

    /// @notice The EIP-712 digest the licensor signs for `rev` on this chain and contract.
    function hashRevocation(Revocation calldata rev) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(REVOCATION_TYPEHASH, rev.licensor, keccak256(abi.encodePacked(rev.offerIds)), rev.issuedAt)
            )
        );
    }

    /// @notice True if `licensor` has withdrawn `id`.
    function isRevoked(address licensor, bytes32 id) external view returns (bool) {
        return _revoked[licensor][id];
    }

    /// @notice True if `buyer` has bought a licence to `id` (whether or not its duration has run out).
    function hasLicense(bytes32 id, address buyer) external view returns (bool) {
        return _licensed[id][buyer];
    }

    // ─── internals ─────────────────────────────────────────────────────────────────────────────

    /// Check everything but the batch signature, record the licence, and return what the buyer owes whom.
    function _license(OfferLeaf calldata leaf, bytes32[] calldata proof, OfferBatch calldata batch)
        private
        returns (uint256 toLicensor, uint256 toFee)
    {
        address licensor = leaf.licensor;
        if (licensor != batch.licensor) revert LicensorMismatch(licensor, batch.licensor);
        if (leaf.chainId != block.chainid) revert WrongChain(leaf.chainId, block.chainid);
        bytes32 id = offerId(leaf);
        if (block.timestamp > leaf.validUntil) revert OfferExpired(id, leaf.validUntil);
        uint256 current = counters[licensor];
        if (batch.counter != current) revert BatchCancelled(batch.counter, current);
        if (!MerkleProof.verifyCalldata(proof, batch.root, id)) revert InvalidProof(id);
        if (_revoked[licensor][id]) revert OfferRevoked(id);
        if (_licensed[id][msg.sender]) revert AlreadyLicensed(id, msg.sender);
        _licensed[id][msg.sender] = true;

        emit Licensed(id, licensor, msg.sender, leaf.token, leaf.price, _expiry(leaf.licenseDuration));

        toFee = (leaf.price * feeBps) / 10_000;
        toLicensor = leaf.price - toFee;
    }

    /// 0 for a perpetual licence; a duration too long for uint64 saturates instead of making the offer unbuyable.
    function _expiry(uint64 duration) private view returns (uint64) {
        if (duration == 0) return 0;
        uint256 end = block.timestamp + duration;
        return end > type(uint64).max ? type(uint64).max : uint64(end);
    }

    function _checkSignature(address signer, bytes32 digest, bytes calldata signature) private view {
        if (!SignatureChecker.isValidSignatureNowCalldata(signer, digest, signature)) revert InvalidSignature();
    }

    /// Pull what is owed from the buyer; called after all state changes (checks-effects-interactions).
    function _pay(Pending memory owed) private {
        if (owed.toLicensor != 0) IERC20(owed.token).safeTransferFrom(msg.sender, owed.licensor, owed.toLicensor);
        if (owed.toFee != 0) IERC20(owed.token).safeTransferFrom(msg.sender, feeRecipient, owed.toFee);
    }

    function _revoke(address licensor, bytes32[] calldata offerIds) private {
        mapping(bytes32 => bool) storage revoked = _revoked[licensor];
        for (uint256 i; i < offerIds.length; ++i) {
            bytes32 id = offerIds[i];
            if (revoked[id]) continue;
            revoked[id] = true;
            emit Revoked(id, licensor);
        }
    }

    function _contains(bytes32[] memory list, uint256 length, bytes32 value) private pure returns (bool) {
        // Newest first: purchases of one batch usually sit together.
        for (uint256 i = length; i > 0; --i) {
            if (list[i - 1] == value) return true;
        }
        return false;
    }
}
